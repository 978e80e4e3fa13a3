using System.Collections.ObjectModel;
using System.Text.Json.Nodes;

namespace RfFingerprint.Sdr.SigMF;

/// <summary>Helpers for the free-form <c>namespace:key</c> fields kept beside the modelled ones.</summary>
public static class SigMFFields
{
    /// <summary>An empty, read-only field map.</summary>
    public static IReadOnlyDictionary<string, JsonNode?> Empty { get; } =
        new ReadOnlyDictionary<string, JsonNode?>(new Dictionary<string, JsonNode?>());

    /// <summary>The namespace of a field name (the part before the first colon), or null when there is none.</summary>
    public static string? NamespaceOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        int colon = key.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? key[..colon] : null;
    }
}
