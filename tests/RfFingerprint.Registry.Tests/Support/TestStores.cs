using Npgsql;

namespace RfFingerprint.Registry.Tests.Support;

/// <summary>Real databases for the tests: a SQLite file in a temp folder, or a private schema on the test PostgreSQL.</summary>
internal static class TestStores
{
    public const string PostgresVariable = "RFFP_TEST_POSTGRES";

    /// <summary>The test server's connection string; fails the test (never skips) when it is not configured.</summary>
    public static string PostgresConnectionString()
    {
        var value = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InvalidOperationException(
                $"{PostgresVariable} is not set, so the PostgreSQL registry tests cannot run. Start the throwaway server with " +
                "'eval \"$(bash .ci/postgres.sh)\"' (installs Debian's postgresql if needed) and run the tests from that shell.");
        }

        return value;
    }

    public static string NewTempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "rffp-registry-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}

/// <summary>A registry that exists for one test and is removed afterwards.</summary>
public abstract class TestRegistry : IAsyncDisposable
{
    /// <summary>Value for <see cref="RegistryOptions.ConnectionString"/>.</summary>
    public abstract string ConnectionString { get; }

    public abstract RegistryProvider Provider { get; }

    public IRegistryStore OpenStore() => RegistryStoreFactory.Create(ConnectionString);

    public abstract ValueTask DisposeAsync();

    public static Task<TestRegistry> CreateAsync(RegistryProvider provider) => provider == RegistryProvider.Sqlite
        ? Task.FromResult<TestRegistry>(new SqliteTestRegistry())
        : PostgresTestRegistry.CreateAsync();
}

internal sealed class SqliteTestRegistry : TestRegistry
{
    private readonly string _directory = TestStores.NewTempDirectory();

    public SqliteTestRegistry()
    {
        // A sub-folder that does not exist yet: MigrateAsync must create it.
        FilePath = Path.Combine(_directory, "registry", "rffp.db");
    }

    public string FilePath { get; }

    public override string ConnectionString => FilePath;

    public override RegistryProvider Provider => RegistryProvider.Sqlite;

    public override ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; failing the test over it would hide the real result.
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>A fresh schema on the test server, selected through the connection's search path.</summary>
internal sealed class PostgresTestRegistry : TestRegistry
{
    private readonly string _admin;
    private readonly string _schema;

    private PostgresTestRegistry(string admin, string schema)
    {
        _admin = admin;
        _schema = schema;
        ConnectionString = new NpgsqlConnectionStringBuilder(admin) { SearchPath = schema }.ConnectionString;
    }

    public override string ConnectionString { get; }

    public override RegistryProvider Provider => RegistryProvider.PostgreSql;

    public string Schema => _schema;

    public static async Task<TestRegistry> CreateAsync()
    {
        var admin = TestStores.PostgresConnectionString();
        var schema = "t_" + Guid.NewGuid().ToString("N");
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
        await command.ExecuteNonQueryAsync();
        return new PostgresTestRegistry(admin, schema);
    }

    public override async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {_schema} CASCADE", connection);
        await command.ExecuteNonQueryAsync();
    }
}
