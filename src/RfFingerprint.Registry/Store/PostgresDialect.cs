using System.Data.Common;
using Npgsql;
using RfFingerprint.Registry.Data.Postgres;

namespace RfFingerprint.Registry.Store;

/// <summary>PostgreSQL through Npgsql's pooled data source; schema from <see cref="PostgresSchema"/>.</summary>
internal sealed class PostgresDialect(RegistryConnection connection) : SqlDialect
{
    // Arbitrary constant shared by every process migrating the same database.
    private const long MigrationLockKey = 0x5246_4650_5245_47;
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(connection.ConnectionString);

    public override RegistryProvider Provider => RegistryProvider.PostgreSql;

    public override string Location { get; } = connection.Location;

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    public override async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.BeginTransactionAsync(cancellationToken);

    // timestamptz takes only UTC offsets through Npgsql.
    public override object ToDb(DateTimeOffset value) => value.ToUniversalTime();

    public override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal);

    public override bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    public override async Task<MigrationResult> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Serialises concurrent start-ups; DDL is transactional, so a failed migration leaves nothing behind.
        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({MigrationLockKey})", cancellationToken);
        await ExecuteAsync(
            connection,
            transaction,
            $"CREATE TABLE IF NOT EXISTS {PostgresSchema.HistoryTable} (id text PRIMARY KEY, applied_utc timestamptz NOT NULL)",
            cancellationToken);

        var done = new HashSet<string>(StringComparer.Ordinal);
        await using (var select = new NpgsqlCommand($"SELECT id FROM {PostgresSchema.HistoryTable}", connection, transaction))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                done.Add(reader.GetString(0));
            }
        }

        var applied = new List<string>();
        foreach (var (id, sql) in PostgresSchema.Migrations)
        {
            if (done.Contains(id))
            {
                continue;
            }

            await ExecuteAsync(connection, transaction, sql, cancellationToken);
            await using var record = new NpgsqlCommand(
                $"INSERT INTO {PostgresSchema.HistoryTable} (id, applied_utc) VALUES (@id, @now)", connection, transaction);
            record.Parameters.AddWithValue("id", id);
            record.Parameters.AddWithValue("now", DateTimeOffset.UtcNow);
            await record.ExecuteNonQueryAsync(cancellationToken);
            applied.Add(id);
        }

        await transaction.CommitAsync(cancellationToken);
        return new MigrationResult(Provider, Location, applied, PostgresSchema.Migrations.Count);
    }

    public override ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    public override void Dispose() => _dataSource.Dispose();

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
