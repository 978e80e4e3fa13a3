using RfFingerprint.Registry.Tests.Support;

namespace RfFingerprint.Registry.Tests.Store;

/// <summary>Schema migrations on an empty database of each engine.</summary>
public abstract class MigrationContract(RegistryProvider provider) : IAsyncLifetime
{
    private TestRegistry? _registry;

    protected TestRegistry Registry => _registry ?? throw new InvalidOperationException("Not initialised.");

    public async Task InitializeAsync() => _registry = await TestRegistry.CreateAsync(provider);

    public async Task DisposeAsync()
    {
        if (_registry is not null)
        {
            await _registry.DisposeAsync();
        }
    }

    [Fact]
    public async Task Migrate_OnAnEmptyDatabase_AppliesTheInitialMigration()
    {
        await using var store = Registry.OpenStore();

        var result = await store.MigrateAsync();

        Assert.Equal(provider, result.Provider);
        Assert.Equal(["20261121054116_InitialRegistry"], result.Applied);
        Assert.Contains("applied 1 migration", result.Message, StringComparison.Ordinal);
        Assert.Empty(await store.ListDevicesAsync());
    }

    [Fact]
    public async Task Migrate_FromAFreshStoreAfterAnotherMigrated_IsUpToDate()
    {
        await using (var first = Registry.OpenStore())
        {
            await first.MigrateAsync();
        }

        await using var second = Registry.OpenStore();
        var result = await second.MigrateAsync();

        Assert.Empty(result.Applied);
        Assert.Equal(1, result.TotalMigrations);
    }

    [Fact]
    public async Task Migrate_TwoStoresAtOnceOnAnEmptyDatabase_AppliesEachMigrationOnce()
    {
        await using var a = Registry.OpenStore();
        await using var b = Registry.OpenStore();

        var results = await Task.WhenAll(Task.Run(() => a.MigrateAsync()), Task.Run(() => b.MigrateAsync()));

        Assert.Equal(1, results.Sum(r => r.Applied.Count));
        Assert.NotNull(await a.UpsertDeviceAsync(new Inputs.DeviceRegistration { Name = "after-migration" }));
    }
}

/// <summary>Migrations on a new SQLite file.</summary>
public sealed class SqliteMigrationTests() : MigrationContract(RegistryProvider.Sqlite)
{
    [Fact]
    public async Task Migrate_CreatesTheFileAndItsFolderInWalMode()
    {
        var path = ((SqliteTestRegistry)Registry).FilePath;
        Assert.False(Directory.Exists(Path.GetDirectoryName(path)));
        await using (var store = Registry.OpenStore())
        {
            await store.MigrateAsync();
        }

        Assert.True(File.Exists(path));
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await command.ExecuteScalarAsync());
    }
}

/// <summary>Migrations on a new PostgreSQL schema (needs RFFP_TEST_POSTGRES; see .ci/postgres.sh).</summary>
public sealed class PostgresMigrationTests() : MigrationContract(RegistryProvider.PostgreSql);
