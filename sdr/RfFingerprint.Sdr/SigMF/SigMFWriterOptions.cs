namespace RfFingerprint.Sdr.SigMF;

/// <summary>How a <see cref="SigMFRecordingWriter"/> writes.</summary>
public sealed record SigMFWriterOptions
{
    /// <summary>Defaults: full scale 1, SHA-512 recorded, existing files replaced.</summary>
    public static SigMFWriterOptions Default { get; } = new();

    /// <summary>
    /// For integer datatypes, the amplitude that integer full scale stands for: a component x is stored as
    /// round(x / FullScale * 2^(b-1)), saturated. Recorded as <c>rffp:full_scale</c> so that a reader gets the
    /// amplitudes back. Ignored for float datatypes. Must be positive and finite.
    /// </summary>
    public float FullScale { get; init; } = 1f;

    /// <summary>Record <c>core:sha512</c> of the data when the writer is completed.</summary>
    public bool RecordSha512 { get; init; } = true;

    /// <summary>Replace existing files; when false an existing data file is an error.</summary>
    public bool Overwrite { get; init; } = true;
}
