using Microsoft.Data.Sqlite;
using Npgsql;

namespace RfFingerprint.Registry;

/// <summary>A parsed registry location: which engine, and the connection string that engine's driver takes.</summary>
public sealed record RegistryConnection
{
    private RegistryConnection(RegistryProvider provider, string connectionString, string location)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Location = location;
    }

    /// <summary>Database engine.</summary>
    public RegistryProvider Provider { get; }

    /// <summary>Connection string for Microsoft.Data.Sqlite or Npgsql (may hold a password: do not log it).</summary>
    public string ConnectionString { get; }

    /// <summary>Printable location: the SQLite file's full path, or "host:port/database" for PostgreSQL.</summary>
    public string Location { get; }

    /// <summary>
    /// Interprets one "PATH-or-connection-string" setting:
    /// <list type="bullet">
    /// <item>"postgres://" or "postgresql://" URL, or a keyword string containing "Host=" / "Server=" → PostgreSQL;</item>
    /// <item>a keyword string with "Data Source=" / "DataSource=" / "Filename=" → SQLite with those settings;</item>
    /// <item>anything else is a SQLite file path (relative to the working directory).</item>
    /// </list>
    /// </summary>
    /// <exception cref="ArgumentException">Empty value, a malformed URL, or an in-memory SQLite database (which could not be shared).</exception>
    public static RegistryConnection Parse(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("Registry connection string is empty; give a SQLite file path or a PostgreSQL connection string.", nameof(value));
        }

        var trimmed = value.Trim();
        if (trimmed.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return FromPostgresBuilder(FromUrl(trimmed));
        }

        if (LooksLikeKeywords(trimmed, "host", "server"))
        {
            return FromPostgresBuilder(new NpgsqlConnectionStringBuilder(trimmed));
        }

        var sqlite = LooksLikeKeywords(trimmed, "data source", "datasource", "filename")
            ? new SqliteConnectionStringBuilder(trimmed)
            : new SqliteConnectionStringBuilder { DataSource = trimmed };
        if (string.IsNullOrWhiteSpace(sqlite.DataSource)
            || sqlite.DataSource == ":memory:"
            || sqlite.Mode == SqliteOpenMode.Memory)
        {
            throw new ArgumentException("The registry needs a SQLite file; in-memory databases are not supported.", nameof(value));
        }

        sqlite.DataSource = Path.GetFullPath(sqlite.DataSource);
        if (sqlite.Mode == SqliteOpenMode.ReadWrite)
        {
            // ReadWrite would refuse to create the file on first use; the registry always creates it.
            sqlite.Mode = SqliteOpenMode.ReadWriteCreate;
        }

        return new RegistryConnection(RegistryProvider.Sqlite, sqlite.ToString(), sqlite.DataSource);
    }

    private static bool LooksLikeKeywords(string value, params string[] keys)
    {
        foreach (var part in value.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var key = part[..equals].Trim();
            if (keys.Any(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    private static NpgsqlConnectionStringBuilder FromUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new ArgumentException($"Malformed PostgreSQL URL (expected postgres://user:password@host:port/database).", nameof(url));
        }

        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host };
        if (uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        var userInfo = uri.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(userInfo[0]);
        }

        if (userInfo.Length == 2)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        // Query parameters carry extra keywords, e.g. ?sslmode=require.
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            builder[Uri.UnescapeDataString(kv[0])] = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : string.Empty;
        }

        return builder;
    }

    private static RegistryConnection FromPostgresBuilder(NpgsqlConnectionStringBuilder builder)
    {
        var location = $"{builder.Host}:{builder.Port}/{builder.Database ?? builder.Username}";
        return new RegistryConnection(RegistryProvider.PostgreSql, builder.ConnectionString, location);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Provider} {Location}";
}
