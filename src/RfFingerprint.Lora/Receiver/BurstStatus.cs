namespace RfFingerprint.Lora.Receiver;

/// <summary>How far the receiver got with a burst.</summary>
public enum BurstStatus
{
    /// <summary>Header valid and payload decoded (check <see cref="LoraBurst.CrcOk"/> for integrity).</summary>
    Decoded,

    /// <summary>Synchronised, but the explicit header's checksum failed: undecodable.</summary>
    HeaderInvalid,

    /// <summary>The stream ended, jumped or the history ran out before the frame was complete: undecodable.</summary>
    Truncated,

    /// <summary>Processing failed on unusable samples: undecodable.</summary>
    InvalidSamples,
}
