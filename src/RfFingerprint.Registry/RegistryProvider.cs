namespace RfFingerprint.Registry;

/// <summary>Database engine behind a registry.</summary>
public enum RegistryProvider
{
    /// <summary>Embedded SQLite file (default; the CLI's registry).</summary>
    Sqlite,

    /// <summary>PostgreSQL server (several capture workers writing to one registry).</summary>
    PostgreSql,
}
