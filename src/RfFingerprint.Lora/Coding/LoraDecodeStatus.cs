namespace RfFingerprint.Lora.Coding;

/// <summary>How far decoding of a frame got.</summary>
public enum LoraDecodeStatus
{
    /// <summary>Header (if any) valid and all payload symbols decoded; see the CRC verdict for integrity.</summary>
    Decoded,

    /// <summary>The explicit header's checksum or coding rate was invalid.</summary>
    HeaderInvalid,

    /// <summary>Fewer symbols were available than the header announces.</summary>
    Truncated,
}
