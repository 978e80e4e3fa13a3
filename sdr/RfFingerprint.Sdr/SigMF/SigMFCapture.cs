using System.Text.Json.Nodes;

namespace RfFingerprint.Sdr.SigMF;

/// <summary>A capture segment: from <see cref="SampleStart"/> on, the samples were taken with these settings.</summary>
public sealed record SigMFCapture
{
    /// <summary><c>core:sample_start</c>: index in the data file of the segment's first sample.</summary>
    public required long SampleStart { get; init; }

    /// <summary><c>core:frequency</c>: centre frequency in Hz.</summary>
    public double? FrequencyHz { get; init; }

    /// <summary><c>core:datetime</c>: UTC time of the segment's first sample.</summary>
    public DateTimeOffset? DateTimeUtc { get; init; }

    /// <summary><c>core:global_index</c>: index of the first sample in the original stream the recording was cut from.</summary>
    public long? GlobalIndex { get; init; }

    /// <summary>Every other key of the capture object, verbatim.</summary>
    public IReadOnlyDictionary<string, JsonNode?> Fields { get; init; } = SigMFFields.Empty;
}
