namespace RfFingerprint.Sdr.SigMF;

/// <summary>How <see cref="SigMFRecording.Open"/> treats a recording.</summary>
public sealed record SigMFOpenOptions
{
    /// <summary>Defaults: no hash check.</summary>
    public static SigMFOpenOptions Default { get; } = new();

    /// <summary>
    /// Read the whole data file when opening and compare its SHA-512 with <c>core:sha512</c>
    /// (a recording without a hash passes). Off by default because it reads every byte.
    /// </summary>
    public bool VerifySha512 { get; init; }
}
