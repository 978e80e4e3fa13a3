namespace RfFingerprint.Lora.Evaluation;

/// <summary>What <see cref="BurstStreamGenerator"/> produces: frames with random CFO, fractional timing and phase in AWGN.</summary>
public sealed record StreamScenario
{
    /// <summary>PHY settings of the frames.</summary>
    public LoraParameters Parameters { get; init; } = new();

    /// <summary>Number of frames.</summary>
    public int FrameCount { get; init; } = 10;

    /// <summary>Payload bytes per frame (random content).</summary>
    public int PayloadLength { get; init; } = 16;

    /// <summary>In-band SNR in dB (signal power over noise power within the bandwidth); null for no noise.</summary>
    public double? SnrDb { get; init; }

    /// <summary>CFO drawn uniformly from ±this many Hz.</summary>
    public double MaxCfoHz { get; init; } = 20_000;

    /// <summary>Transmitter sample-clock offset in ppm (positive: the transmitter's clock is fast, its symbols are shorter).</summary>
    public double SampleClockOffsetPpm { get; init; }

    /// <summary>Fraction of the stream occupied by frames (0 &lt; x ≤ 1); the rest is noise between frames.</summary>
    public double Occupancy { get; init; } = 0.5;

    /// <summary>Seed of the random generator (payloads, CFO, timing, phase, gaps, noise).</summary>
    public int Seed { get; init; } = 1;
}
