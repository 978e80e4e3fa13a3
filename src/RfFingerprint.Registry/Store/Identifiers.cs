using System.Globalization;

namespace RfFingerprint.Registry.Store;

/// <summary>Normalisation and validation of the text identifiers the registry stores.</summary>
internal static class Identifiers
{
    /// <summary>DevEUI → 16 upper-case hex digits; ':' '-' and spaces are dropped.</summary>
    public static string NormalizeDevEui(string devEui, string parameterName)
    {
        var compact = new string(devEui.Where(c => c is not (':' or '-' or ' ')).ToArray()).ToUpperInvariant();
        if (compact.Length != 16 || !compact.All(char.IsAsciiHexDigit))
        {
            throw new ArgumentException($"DevEUI '{devEui}' must be 16 hexadecimal digits.", parameterName);
        }

        return compact;
    }

    /// <summary>Hex digest → lower case, checked for length.</summary>
    public static string NormalizeDigest(string digest, int hexDigits, string parameterName)
    {
        var lower = digest.Trim().ToLowerInvariant();
        if (lower.Length != hexDigits || !lower.All(char.IsAsciiHexDigit))
        {
            throw new ArgumentException($"Digest must be {hexDigits} hexadecimal digits (got {digest.Length} characters).", parameterName);
        }

        return lower;
    }

    public static string RequireText(string? value, int maxLength, string parameterName)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("Value must not be empty.", parameterName);
        }

        if (value.Length > maxLength)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Value must be at most {maxLength} characters (got {value.Length})."),
                parameterName);
        }

        return value;
    }

    public static void RequireFinite(double value, string parameterName)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"Value must be a finite number (got {value}).", parameterName);
        }
    }
}
