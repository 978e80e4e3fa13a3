namespace RfFingerprint.Lora.Evaluation;

/// <summary>Settings of a receiver sweep over SNR.</summary>
public sealed record ReceiverEvaluationOptions
{
    /// <summary>Spreading factor of the frames and the receiver.</summary>
    public int SpreadingFactor { get; init; } = 7;

    /// <summary>Bandwidth in Hz.</summary>
    public double BandwidthHz { get; init; } = 125_000;

    /// <summary>Sample rate in Hz.</summary>
    public double SampleRateHz { get; init; } = 1_000_000;

    /// <summary>Coding rate index 1 to 4.</summary>
    public int CodingRate { get; init; } = 1;

    /// <summary>Payload length in bytes.</summary>
    public int PayloadLength { get; init; } = 16;

    /// <summary>In-band SNRs to test, in dB.</summary>
    public IReadOnlyList<double> SnrDb { get; init; } = [-8, -6, -5, 0, 10, 20];

    /// <summary>Frames per SNR point.</summary>
    public int FramesPerPoint { get; init; } = 200;

    /// <summary>CFO drawn uniformly from ±this many Hz.</summary>
    public double MaxCfoHz { get; init; } = 20_000;

    /// <summary>Transmitter sample-clock offset in ppm.</summary>
    public double SampleClockOffsetPpm { get; init; }

    /// <summary>Fraction of the stream occupied by frames.</summary>
    public double Occupancy { get; init; } = 0.5;

    /// <summary>Receiver settings to evaluate (spreading factor, bandwidth and sample rate are taken from these options).</summary>
    public Receiver.LoraReceiverOptions Receiver { get; init; } = new();

    /// <summary>Base seed; point i uses Seed + i.</summary>
    public int Seed { get; init; } = 1;
}
