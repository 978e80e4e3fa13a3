namespace RfFingerprint.Pipeline.Evaluation;

/// <summary>
/// Speed of features + inference + decision on one thread (the receiver is not included), from preambles already in memory.
/// </summary>
/// <param name="BatchSize">Bursts per inference call in the throughput run.</param>
/// <param name="BatchedBursts">Bursts processed in the throughput run.</param>
/// <param name="BurstsPerSecond">Throughput of the batched run.</param>
/// <param name="FeatureMicroseconds">Mean spectrogram time per burst (batched run).</param>
/// <param name="InferenceMicroseconds">Mean model time per burst (batched run).</param>
/// <param name="DecisionMicroseconds">Mean decision time per burst (batched run).</param>
/// <param name="LatencyRuns">Single-burst runs timed.</param>
/// <param name="LatencyP50Milliseconds">Median single-burst latency (features + inference of a batch of one + decision).</param>
/// <param name="LatencyP99Milliseconds">99th percentile of the single-burst latency.</param>
public sealed record SpeedResult(
    int BatchSize,
    int BatchedBursts,
    double BurstsPerSecond,
    double FeatureMicroseconds,
    double InferenceMicroseconds,
    double DecisionMicroseconds,
    int LatencyRuns,
    double LatencyP50Milliseconds,
    double LatencyP99Milliseconds);
