using System.Globalization;

namespace RfFingerprint.Service.Contracts;

/// <summary>
/// Collects field errors for a validation problem response (RFC 9457 with an <c>errors</c> map keyed by field).
/// </summary>
public sealed class Validation
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    /// <summary>True when no error was recorded.</summary>
    public bool IsValid => _errors.Count == 0;

    /// <summary>Errors by field, for <c>TypedResults.ValidationProblem</c>.</summary>
    public IDictionary<string, string[]> Errors => _errors.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);

    /// <summary>Records an error against <paramref name="field"/>.</summary>
    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
    }

    /// <summary>Requires a non-blank string of at most <paramref name="maxLength"/> characters.</summary>
    public void RequireText(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, $"{field} is required");
        }
        else if (value.Length > maxLength)
        {
            Add(field, $"{field} must be at most {maxLength} characters");
        }
    }

    /// <summary>Optional string of at most <paramref name="maxLength"/> characters.</summary>
    public void OptionalText(string field, string? value, int maxLength)
    {
        if (value is not null && value.Length > maxLength)
        {
            Add(field, $"{field} must be at most {maxLength} characters");
        }
    }

    /// <summary>Requires <paramref name="value"/> within [min, max].</summary>
    public void Range(string field, double value, double min, double max)
    {
        if (!double.IsFinite(value) || value < min || value > max)
        {
            Add(field, $"{field} must be between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    /// <summary>
    /// Parses a DevEUI: 16 hex digits, optionally separated by ':' or '-'. Returns the normalised upper-case digits,
    /// or null after recording an error.
    /// </summary>
    public string? DevEui(string field, string? value)
    {
        if (value is null)
        {
            return null;
        }

        var digits = value.Replace(":", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (digits.Length != 16 || !digits.All(char.IsAsciiHexDigit))
        {
            Add(field, $"{field} must be 16 hex digits (':' or '-' separators allowed)");
            return null;
        }

        return digits.ToUpperInvariant();
    }

    /// <summary>Parses a DevAddr written as 8 hex digits, MSB first; null after recording an error.</summary>
    public uint? DevAddr(string field, string? value)
    {
        if (value is { Length: 8 } && uint.TryParse(value, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var devAddr))
        {
            return devAddr;
        }

        Add(field, $"{field} must be 8 hex digits (e.g. 49BE7DF1)");
        return null;
    }
}
