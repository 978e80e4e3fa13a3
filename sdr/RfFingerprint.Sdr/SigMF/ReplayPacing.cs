namespace RfFingerprint.Sdr.SigMF;

/// <summary>How fast a recording is replayed.</summary>
public enum ReplayPacing
{
    /// <summary>As fast as the consumer reads.</summary>
    FullSpeed,

    /// <summary>
    /// At the recorded sample rate: a block is handed out no earlier than the time its last sample would
    /// have arrived from a radio, counted from the start of the replay.
    /// </summary>
    RealTime,
}
