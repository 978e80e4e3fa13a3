namespace RfFingerprint.Lora.Lorawan;

/// <summary>Result of the MIC check.</summary>
public enum MicStatus
{
    /// <summary>No key for this frame was configured; the MIC was not checked.</summary>
    Unverified,

    /// <summary>The MIC matches the AES-CMAC computed with the configured key.</summary>
    Valid,

    /// <summary>The MIC does not match.</summary>
    Invalid,

    /// <summary>The frame type has no MIC this parser can check (join-accept, proprietary).</summary>
    NotApplicable,
}
