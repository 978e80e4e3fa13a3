using Microsoft.Extensions.Logging;
using RfFingerprint.Registry.Store;

namespace RfFingerprint.Registry;

/// <summary>Builds a registry store without dependency injection (the CLI, tests, tools).</summary>
public static class RegistryStoreFactory
{
    /// <summary>
    /// Opens the registry described by <paramref name="options"/>. Nothing touches the database until the first
    /// call; call <see cref="IRegistryStore.MigrateAsync"/> first. Dispose the store when done (it owns a pool).
    /// </summary>
    /// <exception cref="ArgumentException">The connection string is empty or malformed.</exception>
    public static IRegistryStore Create(RegistryOptions options, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var connection = RegistryConnection.Parse(options.ConnectionString);
        SqlDialect dialect = connection.Provider == RegistryProvider.Sqlite
            ? new SqliteDialect(connection, options.BusyTimeoutSeconds)
            : new PostgresDialect(connection);
        return new RegistryStore(dialect, loggerFactory?.CreateLogger("RfFingerprint.Registry"));
    }

    /// <summary>Opens the registry at <paramref name="connectionString"/> (a SQLite path or PostgreSQL connection string).</summary>
    public static IRegistryStore Create(string connectionString, ILoggerFactory? loggerFactory = null) =>
        Create(new RegistryOptions { ConnectionString = connectionString }, loggerFactory);
}
