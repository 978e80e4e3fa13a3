namespace RfFingerprint.Uhd.Device;

/// <summary>Outcome of one receive call (<c>uhd_rx_metadata_error_code_t</c>). <c>uhd_rx_streamer_recv</c>
/// returns success even for timeouts and overflows: this code is where they show.</summary>
public enum UhdRxMetadataError
{
    /// <summary>Samples were received.</summary>
    None = 0x0,

    /// <summary>No packet arrived within the timeout.</summary>
    Timeout = 0x1,

    /// <summary>A timed stream command arrived after its time.</summary>
    LateCommand = 0x2,

    /// <summary>A multi-command burst expected another stream command.</summary>
    BrokenChain = 0x4,

    /// <summary>The host did not read fast enough (or a sequence error): samples were lost before the next packet.</summary>
    Overflow = 0x8,

    /// <summary>Multi-channel alignment failed.</summary>
    Alignment = 0xC,

    /// <summary>A packet could not be parsed.</summary>
    BadPacket = 0xF,
}
