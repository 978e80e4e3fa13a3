using System.Data.Common;
using RfFingerprint.Registry;

namespace RfFingerprint.Cli.Hosting;

/// <summary>How every verb opens the registry, so they all fail and report the same way.</summary>
internal static class RegistryAccess
{
    /// <summary>
    /// Opens the registry named by <c>Registry:ConnectionString</c> (or <c>--registry</c>), brings its schema up to date
    /// and reports that on standard error. Relative SQLite paths are taken from the current directory.
    /// </summary>
    /// <param name="settings">The verb's configuration.</param>
    /// <param name="io">Where the migration line goes (standard error).</param>
    /// <param name="cancellationToken">Cancels the migration.</param>
    /// <param name="quietWhenUpToDate">
    /// Write the migration line only when a migration was applied (for verbs whose output is mostly a secret or a
    /// single value, where an "up to date" line is noise).
    /// </param>
    /// <exception cref="CliUsageException">The connection string is malformed or the database cannot be opened.</exception>
    public static async Task<IRegistryStore> OpenAsync(CliSettings settings, CliIo io, CancellationToken cancellationToken,
        bool quietWhenUpToDate = false)
    {
        var options = settings.Bind<RegistryOptions>(RegistryOptions.SectionName);
        IRegistryStore store;
        try
        {
            store = RegistryStoreFactory.Create(options);
        }
        catch (ArgumentException ex)
        {
            throw new CliUsageException($"registry: {ex.Message}", ex);
        }

        try
        {
            var migration = await store.MigrateAsync(cancellationToken);
            if (!quietWhenUpToDate || migration.Applied.Count > 0)
                await io.Error.WriteLineAsync(migration.Message);
            return store;
        }
        catch (DbException ex)
        {
            await store.DisposeAsync();
            throw new CliUsageException($"registry '{options.ConnectionString}' cannot be opened: {ex.Message}", ex);
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }
}
