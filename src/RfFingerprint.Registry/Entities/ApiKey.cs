namespace RfFingerprint.Registry.Entities;

/// <summary>
/// An API key as stored: never the key itself, only a public lookup prefix and a salted SHA-256 of the secret part.
/// </summary>
internal sealed class ApiKey
{
    /// <summary>Database key.</summary>
    public long Id { get; set; }

    /// <summary>Label chosen when the key was created.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Public, unique part of the key used to find its row (also shown in listings).</summary>
    public string Prefix { get; set; } = string.Empty;

    /// <summary>Random per-key salt (16 bytes).</summary>
    public byte[] Salt { get; set; } = [];

    /// <summary>SHA-256(salt || secret) (32 bytes).</summary>
    public byte[] Hash { get; set; } = [];

    /// <summary>What the key may do.</summary>
    public ApiKeyRole Role { get; set; }

    /// <summary>When the key was created (UTC).</summary>
    public DateTimeOffset CreatedUtc { get; set; }

    /// <summary>When the key was revoked (UTC); null while valid.</summary>
    public DateTimeOffset? RevokedUtc { get; set; }
}
