using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RfFingerprint.Registry.Tests.Support;

namespace RfFingerprint.Registry.Tests;

public sealed class RegistryServiceCollectionTests
{
    [Fact]
    public void AddRegistry_WithoutConfiguration_DefaultsToTheBundledSqliteFile()
    {
        using var provider = new ServiceCollection().AddRegistry(new ConfigurationBuilder().Build()).BuildServiceProvider();

        Assert.Equal("registry/rffp.db", provider.GetRequiredService<IOptions<RegistryOptions>>().Value.ConnectionString);
    }

    [Fact]
    public async Task AddRegistry_BindsTheRegistrySectionAndResolvesAWorkingStore()
    {
        var directory = TestStores.NewTempDirectory();
        var path = Path.Combine(directory, "configured.db");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Registry:ConnectionString"] = path })
            .Build();
        await using var provider = new ServiceCollection().AddRegistry(configuration).BuildServiceProvider();

        var store = provider.GetRequiredService<IRegistryStore>();
        var result = await store.MigrateAsync();

        Assert.Equal(RegistryProvider.Sqlite, store.Provider);
        Assert.Equal(path, result.Location);
        Assert.Same(store, provider.GetRequiredService<IRegistryStore>());
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task AddRegistry_ProviderDisposedSynchronously_DisposesTheStoreWithoutError()
    {
        var directory = TestStores.NewTempDirectory();
        var provider = new ServiceCollection()
            .AddRegistry(options => options.ConnectionString = Path.Combine(directory, "sync.db"))
            .BuildServiceProvider();
        await provider.GetRequiredService<IRegistryStore>().MigrateAsync();

        // A container holding an IAsyncDisposable-only singleton throws here; a CLI disposes this way.
        var error = Record.Exception(provider.Dispose);

        Assert.Null(error);
        Directory.Delete(directory, recursive: true);
    }
}
