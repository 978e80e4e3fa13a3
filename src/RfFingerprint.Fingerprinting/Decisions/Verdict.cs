namespace RfFingerprint.Fingerprinting.Decisions;

/// <summary>The outcome for one burst.</summary>
public enum Verdict
{
    /// <summary>The fingerprint matches an enrolled device, its CFO is in that device's range, and the claimed identity (if any) is that device's.</summary>
    Authenticated,

    /// <summary>No enrolled device matches closely enough (a new or rogue transmitter).</summary>
    UnknownDevice,

    /// <summary>The fingerprint matches an enrolled device, but the packet claims another identity (spoofing).</summary>
    IdentityMismatch,

    /// <summary>The fingerprint alone would match an enrolled device, but the burst's CFO is outside that device's range (and no other device matches).</summary>
    CfoOutOfRange,

    /// <summary>The burst could not be processed (too short, non-finite samples, no CFO estimate, ...).</summary>
    Undecodable,
}
