using MathNet.Numerics;
using RfFingerprint.Fingerprinting.Evaluation;
using RfFingerprint.Pipeline.Evaluation;

namespace RfFingerprint.Cli.Tests;

public sealed class EvalBaselinesTests
{
    private const double SampleRateHz = 1_000_000;

    [Fact]
    public void Cfo_only_baseline_assigns_each_burst_to_the_device_with_the_nearest_mean_cfo()
    {
        var train = Set(["a", "a", "b", "b"], [900, 1100, 1900, 2100]);
        var test = Set(["a", "b", "a"], [1100, 1900, 1600]);

        var (accuracy, count) = Baselines.CfoNearestMean(train, test);

        Assert.Equal(3, count);
        Assert.Equal(2.0 / 3, accuracy, 9);
    }

    [Fact]
    public void Cfo_only_baseline_leaves_out_bursts_of_devices_it_never_saw()
    {
        var train = Set(["a", "b"], [1000, 2000]);
        var test = Set(["a", "c"], [1000, 5000]);

        var (accuracy, count) = Baselines.CfoNearestMean(train, test);

        Assert.Equal(1, count);
        Assert.Equal(1.0, accuracy);
    }

    [Fact]
    public void Raw_iq_baseline_identifies_devices_whatever_the_carrier_phase_and_the_compensated_cfo()
    {
        var random = new Random(7);
        var templates = new[] { RandomSignal(random, 256), RandomSignal(random, 256) };
        var train = Bursts(random, templates, perDevice: 5, noise: 0.05);
        var test = Bursts(random, templates, perDevice: 5, noise: 0.05);

        var (accuracy, count) = Baselines.RawIqNearestCentroid(train, test, SampleRateHz);

        Assert.Equal(10, count);
        Assert.Equal(1.0, accuracy);
    }

    [Fact]
    public void Raw_iq_baseline_rejects_preambles_of_different_lengths()
    {
        var random = new Random(3);
        var train = Bursts(random, [RandomSignal(random, 64)], perDevice: 2, noise: 0);
        var test = Bursts(random, [RandomSignal(random, 32)], perDevice: 1, noise: 0);

        Assert.Throws<ArgumentException>(() => Baselines.RawIqNearestCentroid(train, test, SampleRateHz));
    }

    private static EvaluationSet Set(string[] devices, double[] cfoHz)
    {
        var names = devices.Distinct().Order(StringComparer.Ordinal).ToArray();
        var labels = devices.Select(d => Array.IndexOf(names, d)).ToArray();
        return new EvaluationSet(new float[devices.Length], 1, labels, cfoHz, devices.Select(_ => 20.0).ToArray(), names);
    }

    private static Complex32[] RandomSignal(Random random, int length) =>
        Enumerable.Range(0, length).Select(_ => new Complex32((float)random.NextDouble() - 0.5f, (float)random.NextDouble() - 0.5f)).ToArray();

    /// <summary>Each burst: its device's template with a random carrier phase, a random CFO (reported exactly) and a little noise.</summary>
    private static CollectedBursts Bursts(Random random, Complex32[][] templates, int perDevice, double noise)
    {
        var preambles = new List<Complex32[]>();
        var devices = new List<string>();
        var cfo = new List<double>();
        for (int d = 0; d < templates.Length; d++)
        {
            for (int k = 0; k < perDevice; k++)
            {
                double phase = random.NextDouble() * 2 * Math.PI;
                double cfoHz = (random.NextDouble() - 0.5) * 20_000;
                var burst = new Complex32[templates[d].Length];
                for (int n = 0; n < burst.Length; n++)
                {
                    double angle = phase + (2 * Math.PI * cfoHz * n / SampleRateHz);
                    var rotation = new Complex32((float)Math.Cos(angle), (float)Math.Sin(angle));
                    burst[n] = (templates[d][n] * rotation) + new Complex32((float)(noise * (random.NextDouble() - 0.5)), (float)(noise * (random.NextDouble() - 0.5)));
                }

                preambles.Add(burst);
                devices.Add($"dev{d:00}");
                cfo.Add(cfoHz);
            }
        }

        return new CollectedBursts(preambles, devices, [.. cfo], cfo.Select(_ => 20.0).ToArray(), cfo.Select(_ => double.NaN).ToArray());
    }
}
