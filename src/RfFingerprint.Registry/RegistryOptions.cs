namespace RfFingerprint.Registry;

/// <summary>Registry settings, bound from the "Registry" configuration section.</summary>
public sealed class RegistryOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Registry";

    /// <summary>Default SQLite file, relative to the working directory.</summary>
    public const string DefaultConnectionString = "registry/rffp.db";

    /// <summary>
    /// Where the registry lives: a file path or "Data Source=..." selects SQLite; "Host=...;..." or a
    /// "postgres://user:password@host:port/db" URL selects PostgreSQL. See <see cref="RegistryConnection.Parse"/>.
    /// </summary>
    public string ConnectionString { get; set; } = DefaultConnectionString;

    /// <summary>How long a SQLite writer waits for another process's lock before failing, seconds.</summary>
    public int BusyTimeoutSeconds { get; set; } = 30;
}
