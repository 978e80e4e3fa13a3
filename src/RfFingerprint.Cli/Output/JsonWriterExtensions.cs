using System.Text.Json;

namespace RfFingerprint.Cli.Output;

/// <summary>Property writers for the shapes the CLI's JSON lines use (nullable numbers, rounded measurements).</summary>
internal static class JsonWriterExtensions
{
    /// <summary>Writes <paramref name="value"/> rounded to <paramref name="decimals"/>, or null when absent or not finite (JSON has no NaN).</summary>
    public static void WriteRounded(this Utf8JsonWriter json, string name, double? value, int decimals)
    {
        if (value is { } v && double.IsFinite(v))
            json.WriteNumber(name, Math.Round(v, decimals));
        else
            json.WriteNull(name);
    }

    public static void WriteNullable(this Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } v)
            json.WriteNumber(name, v);
        else
            json.WriteNull(name);
    }

    public static void WriteNullable(this Utf8JsonWriter json, string name, bool? value)
    {
        if (value is { } v)
            json.WriteBoolean(name, v);
        else
            json.WriteNull(name);
    }

    /// <summary>Writes a UTC instant in ISO 8601 round-trip form, or null.</summary>
    public static void WriteTime(this Utf8JsonWriter json, string name, DateTimeOffset? value)
    {
        if (value is { } v)
            json.WriteString(name, v.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        else
            json.WriteNull(name);
    }
}
