using System.Text.Json.Nodes;

namespace RfFingerprint.Sdr.SigMF;

/// <summary>An annotation: facts about a range of samples (a burst, a label, ground truth).</summary>
public sealed record SigMFAnnotation
{
    /// <summary><c>core:sample_start</c>: index in the data file of the first annotated sample.</summary>
    public required long SampleStart { get; init; }

    /// <summary><c>core:sample_count</c>: number of annotated samples (absent = to the end of the recording).</summary>
    public long? SampleCount { get; init; }

    /// <summary><c>core:freq_lower_edge</c> in Hz; SigMF requires both edges or neither.</summary>
    public double? FreqLowerEdgeHz { get; init; }

    /// <summary><c>core:freq_upper_edge</c> in Hz; SigMF requires both edges or neither.</summary>
    public double? FreqUpperEdgeHz { get; init; }

    /// <summary><c>core:label</c>: a short name.</summary>
    public string? Label { get; init; }

    /// <summary><c>core:comment</c>.</summary>
    public string? Comment { get; init; }

    /// <summary><c>core:generator</c>: what produced the annotation.</summary>
    public string? Generator { get; init; }

    /// <summary>Every other key of the annotation object (extension fields such as <c>rffp:cfo_hz</c>), verbatim.</summary>
    public IReadOnlyDictionary<string, JsonNode?> Fields { get; init; } = SigMFFields.Empty;
}
