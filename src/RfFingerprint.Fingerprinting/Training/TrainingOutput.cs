namespace RfFingerprint.Fingerprinting.Training;

/// <summary>Parsing of train.py's stdout lines (<c>word key=value key=value ...</c>).</summary>
public static class TrainingOutput
{
    /// <summary>The <c>key=value</c> pairs of a line (values contain no spaces).</summary>
    public static IReadOnlyDictionary<string, string> KeyValues(string line)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string part in (line ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
                values[part[..eq]] = part[(eq + 1)..];
        }

        return values;
    }
}
