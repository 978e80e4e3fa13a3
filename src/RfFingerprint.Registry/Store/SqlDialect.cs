using System.Data.Common;

namespace RfFingerprint.Registry.Store;

/// <summary>
/// What differs between the engines under the store's shared SQL: opening connections, starting a write
/// transaction, how instants are stored, and applying migrations.
/// </summary>
internal abstract class SqlDialect : IAsyncDisposable, IDisposable
{
    public abstract RegistryProvider Provider { get; }

    /// <summary>Printable location (no password).</summary>
    public abstract string Location { get; }

    /// <summary>Opens a pooled connection ready for use (pragmas applied).</summary>
    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Starts a transaction that will write. SQLite takes the write lock up front (BEGIN IMMEDIATE) so two writers
    /// queue on the busy timeout instead of failing when a read lock would need upgrading.
    /// </summary>
    public abstract Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>Parameter value for an instant.</summary>
    public abstract object ToDb(DateTimeOffset value);

    /// <summary>Reads an instant stored by <see cref="ToDb"/>.</summary>
    public abstract DateTimeOffset ReadTime(DbDataReader reader, int ordinal);

    /// <summary>True when the exception is a unique-constraint violation.</summary>
    public abstract bool IsUniqueViolation(DbException exception);

    public abstract Task<MigrationResult> MigrateAsync(CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();

    public abstract void Dispose();

    /// <summary>Reads an optional instant.</summary>
    public DateTimeOffset? ReadNullableTime(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : ReadTime(reader, ordinal);
}
