using System.Text;

namespace RfFingerprint.Sdr.SigMF;

/// <summary>The content of a <c>.sigmf-meta</c> file: global facts, capture segments and annotations.</summary>
public sealed record SigMFMetadata
{
    /// <summary>The <c>global</c> object.</summary>
    public required SigMFGlobal Global { get; init; }

    /// <summary>Capture segments, sorted by <see cref="SigMFCapture.SampleStart"/>.</summary>
    public IReadOnlyList<SigMFCapture> Captures { get; init; } = [];

    /// <summary>Annotations, sorted by <see cref="SigMFAnnotation.SampleStart"/>.</summary>
    public IReadOnlyList<SigMFAnnotation> Annotations { get; init; } = [];

    /// <summary>Parses metadata JSON.</summary>
    /// <param name="utf8Json">The whole <c>.sigmf-meta</c> content.</param>
    /// <param name="sourceName">File name used in error messages.</param>
    /// <exception cref="SigMFFormatException">Malformed JSON, a missing required field, a field of the wrong type,
    /// an unsupported datatype or channel count, unsorted captures, or only one frequency edge.</exception>
    public static SigMFMetadata Parse(ReadOnlySpan<byte> utf8Json, string sourceName) =>
        SigMFMetadataReader.Read(utf8Json, sourceName);

    /// <summary>Parses metadata JSON from a string.</summary>
    /// <exception cref="SigMFFormatException">As for <see cref="Parse(ReadOnlySpan{byte}, string)"/>.</exception>
    public static SigMFMetadata Parse(string json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(Encoding.UTF8.GetBytes(json), sourceName);
    }

    /// <summary>
    /// Checks the rules of the SigMF schema that a writer must keep: captures strictly sorted and
    /// annotations sorted by sample start, non-negative indices and counts, both frequency edges or neither
    /// (lower not above upper), every <c>ns:key</c> field's namespace declared in <c>core:extensions</c>,
    /// one channel, and (when <paramref name="sampleCount"/> is given) no annotation beyond the data.
    /// </summary>
    /// <param name="fileName">File name used in error messages.</param>
    /// <param name="sampleCount">Samples in the data file, or null to skip the bounds check.</param>
    /// <exception cref="SigMFFormatException">The first rule broken, naming the field.</exception>
    public void Validate(string fileName, long? sampleCount = null) =>
        SigMFMetadataValidator.Validate(this, fileName, sampleCount);

    /// <summary>Serialises to indented UTF-8 JSON in the order global, captures, annotations.</summary>
    public byte[] ToUtf8Json() => SigMFMetadataWriter.Write(this);
}
