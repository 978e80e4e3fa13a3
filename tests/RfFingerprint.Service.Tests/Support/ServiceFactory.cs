using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using RfFingerprint.Registry;
using RfFingerprint.Registry.Entities;
using RfFingerprint.Service.Security;

namespace RfFingerprint.Service.Tests.Support;

/// <summary>
/// The real service (Program) in memory over a real registry database, with one API key per role.
/// </summary>
public sealed class ServiceFactory(
    TestDatabase database,
    IReadOnlyDictionary<string, string?>? settings = null,
    bool ownsDatabase = true,
    Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    private readonly Dictionary<ApiKeyRole, string> _keys = [];

    public TestDatabase Database => database;

    /// <summary>Folder for captures and recordings of this host.</summary>
    public string CaptureDirectory { get; } = settings?.GetValueOrDefault("Service:CaptureDirectory") ?? TestDatabase.NewTempDirectory();

    public IRegistryStore Registry => Services.GetRequiredService<IRegistryStore>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Registry:ConnectionString", database.ConnectionString);
        builder.UseSetting("Service:CaptureDirectory", CaptureDirectory);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        if (services is not null)
        {
            builder.ConfigureServices(services);
        }
    }

    /// <summary>Starts the host (migrating the registry) and creates a key for each role.</summary>
    public async Task<ServiceFactory> StartAsync()
    {
        _ = Server;
        foreach (var role in Enum.GetValues<ApiKeyRole>())
        {
            _keys[role] = (await Registry.CreateApiKeyAsync($"test-{role}-{Guid.NewGuid():N}", role)).PlaintextKey;
        }

        return this;
    }

    public string KeyFor(ApiKeyRole role) => _keys[role];

    /// <summary>A client that sends the key of <paramref name="role"/>.</summary>
    public HttpClient ClientFor(ApiKeyRole role)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, KeyFor(role));
        return client;
    }

    public static async Task<ServiceFactory> StartAsync(RegistryProvider provider, IReadOnlyDictionary<string, string?>? settings = null) =>
        await new ServiceFactory(await TestDatabase.CreateAsync(provider), settings).StartAsync();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (!ownsDatabase)
        {
            return;
        }

        await database.DisposeAsync();
        try
        {
            Directory.Delete(CaptureDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left-over temp files do not change any result.
        }
    }
}
