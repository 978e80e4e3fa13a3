using System.Data.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace RfFingerprint.Registry.Store;

/// <summary>
/// <see cref="IRegistryStore"/> over ADO.NET with one set of SQL for both engines (snake_case tables, standard
/// INSERT ... ON CONFLICT and RETURNING, which SQLite supports since 3.35). Split by area across partial files.
/// </summary>
internal sealed partial class RegistryStore : IRegistryStore
{
    private readonly SqlDialect _dialect;
    private readonly ILogger _logger;
    private readonly TimeProvider _clock;

    public RegistryStore(SqlDialect dialect, ILogger? logger = null, TimeProvider? clock = null)
    {
        _dialect = dialect;
        _logger = logger ?? NullLogger.Instance;
        _clock = clock ?? TimeProvider.System;
    }

    public RegistryProvider Provider => _dialect.Provider;

    public async Task<MigrationResult> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var result = await _dialect.MigrateAsync(cancellationToken);
        LogMigrated(_logger, result.Message);
        return result;
    }

    public ValueTask DisposeAsync() => _dialect.DisposeAsync();

    // A host or CLI that disposes its service provider synchronously must not fail on this singleton.
    public void Dispose() => _dialect.Dispose();

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Message}")]
    private static partial void LogMigrated(ILogger logger, string message);

    private DateTimeOffset Now()
    {
        // Stored with microsecond resolution: round now so a returned entity equals what is read back later.
        var now = _clock.GetUtcNow();
        return new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);
    }

    private async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        return await work(connection);
    }

    private async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var transaction = await _dialect.BeginWriteAsync(connection, cancellationToken);
        var result = await work(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
