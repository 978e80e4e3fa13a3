using Npgsql;
using RfFingerprint.Registry;

namespace RfFingerprint.Service.Tests.Support;

/// <summary>A real registry database for one test: a SQLite file in a temp folder or a private PostgreSQL schema.</summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "RFFP_TEST_POSTGRES";

    /// <summary>Value for <c>Registry:ConnectionString</c>.</summary>
    public abstract string ConnectionString { get; }

    public abstract RegistryProvider Provider { get; }

    public abstract ValueTask DisposeAsync();

    public static async Task<TestDatabase> CreateAsync(RegistryProvider provider) =>
        provider == RegistryProvider.Sqlite ? new SqliteDatabase() : await PostgresDatabase.CreateAsync();

    /// <summary>A fresh temp folder under the system temp directory.</summary>
    public static string NewTempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "rffp-service-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    private sealed class SqliteDatabase : TestDatabase
    {
        private readonly string _directory = NewTempDirectory();

        public override string ConnectionString => Path.Combine(_directory, "registry", "rffp.db");

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

    private sealed class PostgresDatabase : TestDatabase
    {
        private readonly string _admin;
        private readonly string _schema;

        private PostgresDatabase(string admin, string schema)
        {
            _admin = admin;
            _schema = schema;
            ConnectionString = new NpgsqlConnectionStringBuilder(admin) { SearchPath = schema }.ConnectionString;
        }

        public override string ConnectionString { get; }

        public override RegistryProvider Provider => RegistryProvider.PostgreSql;

        public static async Task<TestDatabase> CreateAsync()
        {
            var admin = Environment.GetEnvironmentVariable(PostgresVariable);
            if (string.IsNullOrWhiteSpace(admin))
            {
                throw new InvalidOperationException(
                    $"{PostgresVariable} is not set, so the PostgreSQL service tests cannot run. Start the throwaway server with " +
                    "'source .ci/postgres.sh' and run the tests from that shell.");
            }

            var schema = "s_" + Guid.NewGuid().ToString("N");
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
            await command.ExecuteNonQueryAsync();
            return new PostgresDatabase(admin, schema);
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
}
