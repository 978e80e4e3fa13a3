using System.Security.Cryptography;
using System.Text;

namespace RfFingerprint.Registry.Store;

/// <summary>
/// API key format and hashing. A key is "rffp_" + 12 hex digits of public prefix + "_" + 64 hex digits of secret.
/// The secret carries 256 random bits, so a single salted SHA-256 is as strong as a slow password hash here
/// (stretching only helps low-entropy secrets) and keeps per-request verification cheap.
/// </summary>
internal static class ApiKeyHasher
{
    public const string Scheme = "rffp_";
    public const int PrefixHexDigits = 12;
    public const int SecretHexDigits = 64;
    public const int SaltBytes = 16;

    public static (string Prefix, string Secret, string Plaintext) Generate()
    {
        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(PrefixHexDigits / 2));
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(SecretHexDigits / 2));
        return (prefix, secret, $"{Scheme}{prefix}_{secret}");
    }

    /// <summary>Splits a plaintext key; false when it does not have the expected shape.</summary>
    public static bool TryParse(string? plaintext, out string prefix, out string secret)
    {
        prefix = secret = string.Empty;
        if (plaintext is null
            || plaintext.Length != Scheme.Length + PrefixHexDigits + 1 + SecretHexDigits
            || !plaintext.StartsWith(Scheme, StringComparison.Ordinal)
            || plaintext[Scheme.Length + PrefixHexDigits] != '_')
        {
            return false;
        }

        prefix = plaintext.Substring(Scheme.Length, PrefixHexDigits);
        secret = plaintext[(Scheme.Length + PrefixHexDigits + 1)..];
        return prefix.All(char.IsAsciiHexDigitLower) && secret.All(char.IsAsciiHexDigitLower);
    }

    /// <summary>SHA-256(salt || UTF-8(secret)).</summary>
    public static byte[] Hash(ReadOnlySpan<byte> salt, string secret)
    {
        var secretBytes = Encoding.UTF8.GetBytes(secret);
        var buffer = new byte[salt.Length + secretBytes.Length];
        salt.CopyTo(buffer);
        secretBytes.CopyTo(buffer.AsSpan(salt.Length));
        var hash = SHA256.HashData(buffer);
        CryptographicOperations.ZeroMemory(buffer);
        return hash;
    }

    public static bool Matches(ReadOnlySpan<byte> salt, ReadOnlySpan<byte> storedHash, string secret) =>
        CryptographicOperations.FixedTimeEquals(Hash(salt, secret), storedHash);
}
