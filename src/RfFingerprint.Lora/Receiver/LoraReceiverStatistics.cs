namespace RfFingerprint.Lora.Receiver;

/// <summary>Running counters of a <see cref="LoraReceiver"/> (read them between calls; not thread-safe).</summary>
public sealed class LoraReceiverStatistics
{
    /// <summary>Samples consumed.</summary>
    public long Samples { get; internal set; }

    /// <summary>NaN or infinite samples replaced by zero.</summary>
    public long NonFiniteSamples { get; internal set; }

    /// <summary>Preambles detected (before SFD search).</summary>
    public long Detections { get; internal set; }

    /// <summary>Detections for which no SFD followed.</summary>
    public long SfdTimeouts { get; internal set; }

    /// <summary>Synchronised bursts dropped because their sync word differed.</summary>
    public long SyncWordMismatches { get; internal set; }

    /// <summary>Bursts reported (all statuses).</summary>
    public long Bursts { get; internal set; }

    /// <summary>Bursts reported as decoded.</summary>
    public long Decoded { get; internal set; }

    /// <summary>Bursts decoded with a valid CRC.</summary>
    public long CrcOk { get; internal set; }

    /// <summary>Bursts reported as undecodable (header invalid, truncated, invalid samples).</summary>
    public long Undecodable { get; internal set; }

    /// <summary>Discontinuities in the stream's sample index (each aborts bursts in progress).</summary>
    public long Discontinuities { get; internal set; }

    /// <summary>Unexpected failures caught inside the stream loop (the burst is reported as undecodable).</summary>
    public long InternalErrors { get; internal set; }
}
