using MathNet.Numerics;

namespace RfFingerprint.Sdr.Streaming;

/// <summary>What a <see cref="SyntheticBurstSource"/> streams and how fast.</summary>
public sealed record SyntheticBurstSourceOptions
{
    /// <summary>Burst waveforms (e.g. simulated LoRa bursts) at <see cref="SampleRateHz"/>, played in a seeded random order.</summary>
    public required IReadOnlyList<Complex32[]> Bursts { get; init; }

    /// <summary>Stream sample rate stated in <see cref="IqStreamInfo"/>, Hz.</summary>
    public double SampleRateHz { get; init; } = 1e6;

    /// <summary>Centre frequency stated in <see cref="IqStreamInfo"/>, Hz.</summary>
    public double CenterFrequencyHz { get; init; } = 868.1e6;

    /// <summary>
    /// Samples delivered per second of wall-clock time (a radio's link rate), or null for as fast as the consumer reads.
    /// May differ from <see cref="SampleRateHz"/>: a 1 MS/s stream delivered at 25 MS/s is 25 times real time.
    /// </summary>
    public double? DeliveryRateSamplesPerSecond { get; init; }

    /// <summary>Fraction of the stream's samples that belong to bursts (the rest is noise), 0 &lt; occupancy &lt; 1.</summary>
    public double Occupancy { get; init; } = 0.1;

    /// <summary>RMS of the complex Gaussian noise between bursts (match the noise floor of the bursts).</summary>
    public double NoiseRms { get; init; } = 0.01;

    /// <summary>Samples per block.</summary>
    public int BlockSamples { get; init; } = 1 << 16;

    /// <summary>Stream length in samples, or null for endless (until cancelled).</summary>
    public long? TotalSamples { get; init; }

    /// <summary>
    /// How far delivery may fall behind the wall clock before the source skips ahead like an overflowing radio
    /// (the skipped samples are reported in <see cref="IqBlock.SamplesLostBefore"/>), seconds.
    /// </summary>
    public double MaxLagSeconds { get; init; } = 0.5;

    /// <summary>Seed of burst order, gap lengths and noise.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentException">A value is out of range (the message names it).</exception>
    public SyntheticBurstSourceOptions Validate()
    {
        if (Bursts is null || Bursts.Count == 0 || Bursts.Any(b => b is null || b.Length == 0))
        {
            throw new ArgumentException("Bursts must hold at least one non-empty waveform.", nameof(Bursts));
        }

        if (!(SampleRateHz > 0) || !double.IsFinite(SampleRateHz))
        {
            throw new ArgumentException("SampleRateHz must be positive.", nameof(SampleRateHz));
        }

        if (DeliveryRateSamplesPerSecond is { } rate && (!(rate > 0) || !double.IsFinite(rate)))
        {
            throw new ArgumentException("DeliveryRateSamplesPerSecond must be positive when set.", nameof(DeliveryRateSamplesPerSecond));
        }

        if (!(Occupancy > 0 && Occupancy < 1))
        {
            throw new ArgumentException("Occupancy must lie strictly between 0 and 1.", nameof(Occupancy));
        }

        if (!(NoiseRms >= 0) || !double.IsFinite(NoiseRms))
        {
            throw new ArgumentException("NoiseRms must be finite and non-negative.", nameof(NoiseRms));
        }

        if (BlockSamples <= 0)
        {
            throw new ArgumentException("BlockSamples must be positive.", nameof(BlockSamples));
        }

        if (TotalSamples is <= 0)
        {
            throw new ArgumentException("TotalSamples must be positive when set.", nameof(TotalSamples));
        }

        if (!(MaxLagSeconds > 0))
        {
            throw new ArgumentException("MaxLagSeconds must be positive.", nameof(MaxLagSeconds));
        }

        return this;
    }
}
