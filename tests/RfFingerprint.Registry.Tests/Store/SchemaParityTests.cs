using Microsoft.Data.Sqlite;
using Npgsql;
using RfFingerprint.Registry.Tests.Support;

namespace RfFingerprint.Registry.Tests.Store;

/// <summary>
/// The hand-written PostgreSQL migrations must describe the same tables and columns as the EF Core SQLite model,
/// since the store runs one set of SQL on both (needs RFFP_TEST_POSTGRES).
/// </summary>
public sealed class SchemaParityTests
{
    [Fact]
    public async Task PostgresSchema_HasTheSameTablesColumnsAndNullabilityAsSqlite()
    {
        await using var sqlite = (SqliteTestRegistry)await TestRegistry.CreateAsync(RegistryProvider.Sqlite);
        await using var postgres = (PostgresTestRegistry)await TestRegistry.CreateAsync(RegistryProvider.PostgreSql);
        await using (var store = sqlite.OpenStore())
        {
            await store.MigrateAsync();
        }

        await using (var store = postgres.OpenStore())
        {
            await store.MigrateAsync();
        }

        var sqliteColumns = await SqliteColumnsAsync(sqlite.FilePath);
        var postgresColumns = await PostgresColumnsAsync(postgres);

        Assert.NotEmpty(sqliteColumns);
        Assert.Equal(sqliteColumns, postgresColumns);
    }

    private static async Task<List<string>> SqliteColumnsAsync(string path)
    {
        var columns = new List<string>();
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EF%'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables)
        {
            await using var info = connection.CreateCommand();
            info.CommandText = $"PRAGMA table_info({table})";
            await using var reader = await info.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var notNull = reader.GetInt64(3) == 1 || reader.GetInt64(5) > 0;
                columns.Add($"{table}.{reader.GetString(1)} {(notNull ? "not null" : "null")}");
            }
        }

        columns.Sort(StringComparer.Ordinal);
        return columns;
    }

    private static async Task<List<string>> PostgresColumnsAsync(PostgresTestRegistry registry)
    {
        var columns = new List<string>();
        await using var connection = new NpgsqlConnection(registry.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT table_name, column_name, is_nullable FROM information_schema.columns " +
            "WHERE table_schema = @schema AND table_name <> 'rffp_schema_migrations'",
            connection);
        command.Parameters.AddWithValue("schema", registry.Schema);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            columns.Add($"{reader.GetString(0)}.{reader.GetString(1)} {(reader.GetString(2) == "YES" ? "null" : "not null")}");
        }

        columns.Sort(StringComparer.Ordinal);
        return columns;
    }
}
