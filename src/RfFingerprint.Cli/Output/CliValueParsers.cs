using System.CommandLine.Parsing;
using System.Globalization;

namespace RfFingerprint.Cli.Output;

/// <summary>
/// Parsers for the option values the verbs share (lists, ranges, sync words, times). Each throws
/// <see cref="FormatException"/> with a message fit for the user; <see cref="For{T}"/> turns that into a
/// System.CommandLine parse error (exit code 1, usage shown).
/// </summary>
internal static class CliValueParsers
{
    /// <summary>Adapts <paramref name="parse"/> to a single-token <c>CustomParser</c>.</summary>
    public static Func<ArgumentResult, T?> For<T>(Func<string, T> parse) => result =>
    {
        var token = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Join(",", result.Tokens.Select(t => t.Value));
        try
        {
            return parse(token);
        }
        catch (FormatException ex)
        {
            result.AddError(ex.Message);
            return default;
        }
    };

    /// <summary>
    /// Non-negative integers as a comma-separated list of values and inclusive ranges: <c>7,8</c>, <c>0-9</c>,
    /// <c>0-3,7</c>. Duplicates are removed; the order of first appearance is kept.
    /// </summary>
    public static int[] IntegerList(string text)
    {
        var values = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var dash = part.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0)
            {
                var first = NonNegative(part[..dash], text);
                var last = NonNegative(part[(dash + 1)..], text);
                if (last < first)
                    throw new FormatException($"'{text}': range {part} runs backwards");
                values.AddRange(Enumerable.Range(first, last - first + 1));
            }
            else
            {
                values.Add(NonNegative(part, text));
            }
        }

        return [.. values.Distinct()];
    }

    /// <summary>LoRa spreading factors: an <see cref="IntegerList"/> of values 7 to 12.</summary>
    public static int[] SpreadingFactors(string text)
    {
        var values = IntegerList(text);
        if (values.Any(sf => sf is < 7 or > 12))
            throw new FormatException($"'{text}': spreading factors must be 7 to 12");
        return values;
    }

    /// <summary>A sync word byte, hexadecimal with <c>0x</c> (<c>0x34</c>, <c>0x12</c>) or decimal (<c>52</c>).</summary>
    public static byte SyncWord(string text)
    {
        var ok = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? byte.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
            : byte.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        return ok ? value : throw new FormatException($"'{text}' is not a sync word: give one byte as 0x00 to 0xFF or 0 to 255");
    }

    /// <summary>
    /// An instant: ISO 8601 (<c>2026-01-01T12:00:00Z</c>; without an offset it is taken as UTC), or a time before
    /// <paramref name="nowUtc"/> such as <c>-1h</c>, <c>30m</c>, <c>-2d</c>, <c>90s</c>, <c>1w</c> (the sign is optional: always in the past).
    /// </summary>
    public static DateTimeOffset Since(string text, DateTimeOffset nowUtc)
    {
        var relative = text.TrimStart('-');
        if (relative.Length >= 2 && double.TryParse(relative.AsSpan(0, relative.Length - 1), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            TimeSpan? ago = char.ToLowerInvariant(relative[^1]) switch
            {
                's' => TimeSpan.FromSeconds(amount),
                'm' => TimeSpan.FromMinutes(amount),
                'h' => TimeSpan.FromHours(amount),
                'd' => TimeSpan.FromDays(amount),
                'w' => TimeSpan.FromDays(7 * amount),
                _ => null,
            };
            if (ago is { } span)
                return nowUtc - span;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
            return instant;
        throw new FormatException($"'{text}' is neither an ISO 8601 time (2026-01-01T12:00:00Z) nor a time ago (-1h, 30m, 2d)");
    }

    private static int NonNegative(string part, string whole) =>
        int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"'{whole}': '{part}' is not a non-negative integer (use a list such as 0,3,5 or a range such as 0-9)");
}
