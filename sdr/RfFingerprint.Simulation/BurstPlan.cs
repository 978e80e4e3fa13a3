namespace RfFingerprint.Simulation;

/// <summary>Everything that decides one simulated burst.</summary>
/// <param name="Device">The transmitting device.</param>
/// <param name="ClaimedDevAddr">DevAddr written in the frame (the device's own unless spoofing).</param>
/// <param name="FrameCounter">Uplink frame counter.</param>
/// <param name="SpreadingFactor">Spreading factor.</param>
/// <param name="SnrDb">In-band SNR.</param>
/// <param name="SessionSeconds">Virtual time of the segment start (the gap before the burst) since the session start.</param>
/// <param name="StreamSampleIndex">Index of the segment's first sample in the virtual continuous stream (keeps the receiver LO phase continuous).</param>
/// <param name="Seed">The burst's seed; every random choice of the burst derives from it.</param>
public sealed record BurstPlan(
    VirtualDevice Device,
    uint ClaimedDevAddr,
    uint FrameCounter,
    int SpreadingFactor,
    double SnrDb,
    double SessionSeconds,
    long StreamSampleIndex,
    ulong Seed);
