using System.Data.Common;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RfFingerprint.Registry.Data;

namespace RfFingerprint.Registry.Store;

/// <summary>SQLite file in WAL mode; schema from the EF Core migrations of <see cref="SqliteRegistryContext"/>.</summary>
internal sealed class SqliteDialect : SqlDialect
{
    private const int SqliteConstraintUnique = 2067;

    /// <summary>
    /// The migrations of <see cref="SqliteRegistryContext"/>, found as EF Core finds them (<c>[DbContext]</c> and
    /// <c>[Migration]</c> on the migration classes), so an up-to-date file is recognised without building EF Core's model,
    /// which costs every CLI call about half a second of CPU.
    /// </summary>
    private static readonly string[] KnownMigrations = typeof(SqliteRegistryContext).Assembly.GetTypes()
        .Where(t => typeof(Migration).IsAssignableFrom(t) && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == typeof(SqliteRegistryContext))
        .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
        .OfType<string>()
        .ToArray();
    private readonly string _connectionString;
    private readonly string _path;
    private readonly int _busyTimeoutMs;

    public SqliteDialect(RegistryConnection connection, int busyTimeoutSeconds)
    {
        if (busyTimeoutSeconds < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(busyTimeoutSeconds), busyTimeoutSeconds, "Busy timeout must be at least 1 second.");
        }

        var builder = new SqliteConnectionStringBuilder(connection.ConnectionString)
        {
            // Microsoft.Data.Sqlite retries SQLITE_BUSY for up to the command timeout; keep both waits equal.
            DefaultTimeout = busyTimeoutSeconds,
            Pooling = true,
        };
        _connectionString = builder.ToString();
        _path = builder.DataSource;
        _busyTimeoutMs = busyTimeoutSeconds * 1000;
    }

    public override RegistryProvider Provider => RegistryProvider.Sqlite;

    public override string Location => _path;

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            // NORMAL is the usual pairing with WAL: commits stay atomic and durable against crashes of the process;
            // only a power loss can drop the last transactions, in exchange for one fsync per checkpoint, not per commit.
            command.CommandText = $"PRAGMA busy_timeout = {_busyTimeoutMs}; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;";
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public override Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    public override object ToDb(DateTimeOffset value) => UnixMicrosecondsConverter.ToMicroseconds(value);

    public override DateTimeOffset ReadTime(DbDataReader reader, int ordinal) =>
        UnixMicrosecondsConverter.FromMicroseconds(reader.GetInt64(ordinal));

    public override bool IsUniqueViolation(DbException exception) =>
        exception is SqliteException { SqliteExtendedErrorCode: SqliteConstraintUnique };

    public override async Task<MigrationResult> MigrateAsync(CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(_path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        // EF Core 6 takes no lock while migrating; a lock file keeps two processes starting together from
        // both creating the tables.
        await using var migrationLock = await AcquireMigrationLockAsync(cancellationToken);

        await using (var connection = (SqliteConnection)await OpenAsync(cancellationToken))
        {
            await using (var command = connection.CreateCommand())
            {
                // WAL lets readers run beside the single writer and is remembered by the file.
                command.CommandText = "PRAGMA journal_mode = WAL;";
                await command.ExecuteScalarAsync(cancellationToken);
            }

            var applied = await AppliedMigrationsAsync(connection, cancellationToken);
            if (KnownMigrations.All(applied.Contains))
            {
                return new MigrationResult(Provider, _path, [], KnownMigrations.Length);
            }
        }

        await using var context = SqliteRegistryContextFactory.Create(_connectionString);
        var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            await context.Database.MigrateAsync(cancellationToken);
        }

        var total = context.Database.GetMigrations().Count();
        return new MigrationResult(Provider, _path, pending, total);
    }

    public override ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    public override void Dispose()
    {
        // Pooled handles keep the file open (and its WAL); release them so the file can be moved or deleted.
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    /// <summary>Ids in EF Core's history table; empty when the file has no schema yet.</summary>
    private static async Task<HashSet<string>> AppliedMigrationsAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var applied = new HashSet<string>(StringComparer.Ordinal);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'";
        if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            return applied;
        }

        command.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied.Add(reader.GetString(0));
        }

        return applied;
    }

    private async Task<FileStream> AcquireMigrationLockAsync(CancellationToken cancellationToken)
    {
        var lockPath = _path + ".migrate.lock";
        var deadline = DateTime.UtcNow.AddMilliseconds(_busyTimeoutMs * 4L);
        while (true)
        {
            try
            {
                // The file stays behind on purpose: deleting it on close could let a waiting process lock a
                // fresh file while another still holds the old one.
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(50, cancellationToken);
            }
        }
    }
}
