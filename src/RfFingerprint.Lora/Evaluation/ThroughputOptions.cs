namespace RfFingerprint.Lora.Evaluation;

/// <summary>Settings of a single-thread throughput measurement.</summary>
public sealed record ThroughputOptions
{
    /// <summary>Spreading factors the receiver searches (the frames use the first one).</summary>
    public IReadOnlyList<int> SpreadingFactors { get; init; } = [7];

    /// <summary>Fraction of the stream occupied by bursts.</summary>
    public double Occupancy { get; init; } = 0.1;

    /// <summary>In-band SNR of the bursts in dB.</summary>
    public double SnrDb { get; init; } = 10;

    /// <summary>Stream length in seconds at the sample rate (it is generated once and fed repeatedly).</summary>
    public double StreamSeconds { get; init; } = 4;

    /// <summary>Timed passes over the stream (after the untimed warm-up passes).</summary>
    public int Passes { get; init; } = 3;

    /// <summary>
    /// Minimum wall time of the untimed warm-up passes in seconds (at least one pass runs). The runtime compiles hot methods
    /// first without optimisation and recompiles them optimised only after they have run for a while (tiered compilation,
    /// roughly a few hundred milliseconds), so a single short pass would time mostly unoptimised code.
    /// </summary>
    public double WarmupSeconds { get; init; } = 1;

    /// <summary>Samples per <c>Process</c> call.</summary>
    public int BlockSamples { get; init; } = 65_536;

    /// <summary>Bandwidth in Hz.</summary>
    public double BandwidthHz { get; init; } = 125_000;

    /// <summary>Sample rate in Hz.</summary>
    public double SampleRateHz { get; init; } = 1_000_000;

    /// <summary>Seed of the generated stream.</summary>
    public int Seed { get; init; } = 7;
}
