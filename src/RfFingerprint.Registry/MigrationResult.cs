namespace RfFingerprint.Registry;

/// <summary>Outcome of <see cref="IRegistryStore.MigrateAsync"/>.</summary>
/// <param name="Provider">Database engine.</param>
/// <param name="Location">SQLite file path, or PostgreSQL host/database (never the password).</param>
/// <param name="Applied">Migrations applied by this call, in order.</param>
/// <param name="TotalMigrations">Migrations the schema now has.</param>
public sealed record MigrationResult(RegistryProvider Provider, string Location, IReadOnlyList<string> Applied, int TotalMigrations)
{
    /// <summary>One line for logs and the CLI, e.g. "registry sqlite registry/rffp.db: applied 1 migration(s)".</summary>
    public string Message => Applied.Count == 0
        ? $"registry {ProviderName} {Location}: up to date ({TotalMigrations} migration(s))"
        : $"registry {ProviderName} {Location}: applied {Applied.Count} migration(s) ({string.Join(", ", Applied)})";

    private string ProviderName => Provider == RegistryProvider.Sqlite ? "sqlite" : "postgresql";

    /// <inheritdoc/>
    public override string ToString() => Message;
}
