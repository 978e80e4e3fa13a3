using System.Text.Json.Nodes;

namespace RfFingerprint.Sdr.SigMF;

/// <summary>The <c>global</c> object of SigMF metadata.</summary>
/// <remarks>
/// Modelled fields have properties; every other key (other <c>core:</c> fields such as
/// <c>core:geolocation</c>, and extension fields) is kept verbatim in <see cref="Fields"/> and written back.
/// </remarks>
public sealed record SigMFGlobal
{
    /// <summary>The SigMF version this library writes.</summary>
    public const string CurrentVersion = "1.2.6";

    /// <summary>Name of the extension namespace this project uses (scaling, ground truth, burst facts).</summary>
    public const string ProjectNamespace = "rffp";

    /// <summary>Global key recording the amplitude that integer full scale represents (see <see cref="FullScale"/>).</summary>
    public const string FullScaleKey = "rffp:full_scale";

    /// <summary><c>core:datatype</c>.</summary>
    public required SigMFDatatype Datatype { get; init; }

    /// <summary><c>core:version</c>.</summary>
    public string Version { get; init; } = CurrentVersion;

    /// <summary><c>core:sample_rate</c> in complex samples per second, when recorded.</summary>
    public double? SampleRateHz { get; init; }

    /// <summary><c>core:num_channels</c>; only 1 (or absent) is supported.</summary>
    public int? NumChannels { get; init; }

    /// <summary><c>core:sha512</c> of the data file, lower-case hex.</summary>
    public string? Sha512 { get; init; }

    /// <summary><c>core:description</c>.</summary>
    public string? Description { get; init; }

    /// <summary><c>core:author</c>.</summary>
    public string? Author { get; init; }

    /// <summary><c>core:hw</c>: the hardware that made the recording.</summary>
    public string? Hardware { get; init; }

    /// <summary><c>core:recorder</c>: the software that made the recording.</summary>
    public string? Recorder { get; init; }

    /// <summary><c>core:license</c>.</summary>
    public string? License { get; init; }

    /// <summary><c>core:trailing_bytes</c>: bytes after the last sample that are not samples.</summary>
    public long? TrailingBytes { get; init; }

    /// <summary><c>core:extensions</c>: namespaces used by extension fields anywhere in the metadata.</summary>
    public IReadOnlyList<SigMFExtension> Extensions { get; init; } = [];

    /// <summary>
    /// Amplitude that an integer sample at full scale stands for (global key <c>rffp:full_scale</c>); 1 when absent.
    /// The writer records it so that a ci16 round trip gives back the original amplitudes.
    /// </summary>
    public float FullScale
    {
        get
        {
            if (Fields.TryGetValue(FullScaleKey, out var node) && node is JsonValue value && value.TryGetValue(out double scale) && scale > 0)
            {
                return (float)scale;
            }

            return 1f;
        }
    }

    /// <summary>Every other key of the global object, verbatim.</summary>
    public IReadOnlyDictionary<string, JsonNode?> Fields { get; init; } = SigMFFields.Empty;

    /// <summary>A copy with <paramref name="extension"/> declared (replacing any declaration of the same name).</summary>
    public SigMFGlobal WithExtension(SigMFExtension extension)
    {
        ArgumentNullException.ThrowIfNull(extension);
        var list = Extensions.Where(e => e.Name != extension.Name).Append(extension).ToList();
        return this with { Extensions = list };
    }

    /// <summary>A copy with one extra field set (replacing any previous value of that key).</summary>
    public SigMFGlobal WithField(string key, JsonNode? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var fields = new Dictionary<string, JsonNode?>(Fields, StringComparer.Ordinal) { [key] = value };
        return this with { Fields = fields };
    }
}
