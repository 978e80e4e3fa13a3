using System.Diagnostics;
using MathNet.Numerics;
using RfFingerprint.Fingerprinting.Decisions;
using RfFingerprint.Fingerprinting.Inference;

namespace RfFingerprint.Pipeline.Evaluation;

/// <summary>
/// Times features + inference + decision on the calling thread, from preambles in memory: a batched throughput run and
/// single-burst latencies. Load the model with one intra-op thread so the figures are per core.
/// </summary>
public static class SpeedBenchmark
{
    /// <param name="model">The extractor or classifier (load it with one ONNX Runtime thread).</param>
    /// <param name="enrolments">Enrolled devices for the decider.</param>
    /// <param name="bursts">Preambles (at least the model's input sample count each) and their CFOs.</param>
    /// <param name="batchSize">Bursts per inference call in the throughput run.</param>
    /// <param name="minimumSeconds">The throughput run repeats the bursts until this much time has passed.</param>
    /// <param name="latencyRuns">Single-burst runs to time.</param>
    /// <exception cref="ArgumentException">No bursts.</exception>
    public static SpeedResult Measure(FingerprintModel model, IReadOnlyList<EnrolmentStatistics> enrolments, CollectedBursts bursts, int batchSize, double minimumSeconds, int latencyRuns)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(enrolments);
        ArgumentNullException.ThrowIfNull(bursts);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(latencyRuns, 1);
        if (bursts.Count == 0)
            throw new ArgumentException("No bursts to time.", nameof(bursts));
        var extractor = model.CreateExtractor();
        var decider = FingerprintDecider.For(model, enrolments);
        int featureLength = model.FeatureLength;
        var features = new float[batchSize * featureLength];
        var outputs = new float[batchSize * model.OutputDimension];

        // Warm-up: the first ONNX Runtime call allocates its arena.
        RunOne(0);

        long featureTicks = 0, inferenceTicks = 0, decisionTicks = 0;
        int processed = 0, next = 0;
        var total = Stopwatch.StartNew();
        while (total.Elapsed.TotalSeconds < minimumSeconds)
        {
            long t0 = Stopwatch.GetTimestamp();
            for (int i = 0; i < batchSize; i++)
            {
                int b = (next + i) % bursts.Count;
                extractor.Extract(bursts.Preambles[b], bursts.CfoHz[b], features.AsSpan(i * featureLength, featureLength));
            }

            long t1 = Stopwatch.GetTimestamp();
            model.Run(features, batchSize, outputs);
            long t2 = Stopwatch.GetTimestamp();
            for (int i = 0; i < batchSize; i++)
                decider.Decide(outputs.AsSpan(i * model.OutputDimension, model.OutputDimension), bursts.CfoHz[(next + i) % bursts.Count]);
            long t3 = Stopwatch.GetTimestamp();
            featureTicks += t1 - t0;
            inferenceTicks += t2 - t1;
            decisionTicks += t3 - t2;
            processed += batchSize;
            next = (next + batchSize) % bursts.Count;
        }

        double seconds = (double)(featureTicks + inferenceTicks + decisionTicks) / Stopwatch.Frequency;
        double Micro(long ticks) => ticks * 1e6 / Stopwatch.Frequency / processed;

        var latencies = new double[latencyRuns];
        for (int r = 0; r < latencyRuns; r++)
        {
            long start = Stopwatch.GetTimestamp();
            RunOne(r % bursts.Count);
            latencies[r] = (Stopwatch.GetTimestamp() - start) * 1e3 / Stopwatch.Frequency;
        }

        Array.Sort(latencies);
        return new SpeedResult(batchSize, processed, processed / seconds, Micro(featureTicks), Micro(inferenceTicks), Micro(decisionTicks),
            latencyRuns, Percentile(latencies, 0.50), Percentile(latencies, 0.99));

        void RunOne(int b)
        {
            extractor.Extract(bursts.Preambles[b], bursts.CfoHz[b], features.AsSpan(0, featureLength));
            model.Run(features.AsSpan(0, featureLength), 1, outputs);
            decider.Decide(outputs.AsSpan(0, model.OutputDimension), bursts.CfoHz[b]);
        }
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    /// <exception cref="ArgumentException">No values.</exception>
    public static double Percentile(double[] sorted, double quantile)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Length == 0)
            throw new ArgumentException("No values.", nameof(sorted));
        int rank = (int)Math.Ceiling(quantile * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
