namespace RfFingerprint.Sdr.SigMF;

/// <summary>Outcome of <see cref="SigMFRecording.VerifySha512"/> (a mismatch throws instead).</summary>
public enum Sha512Check
{
    /// <summary>The metadata records no <c>core:sha512</c>; nothing was checked.</summary>
    NotRecorded,

    /// <summary>The data file's SHA-512 equals <c>core:sha512</c>.</summary>
    Verified,
}
