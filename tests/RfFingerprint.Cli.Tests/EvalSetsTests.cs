using RfFingerprint.Fingerprinting.Evaluation;
using RfFingerprint.Pipeline.Evaluation;

namespace RfFingerprint.Cli.Tests;

public sealed class EvalSetsTests
{
    [Fact]
    public void First_per_device_keeps_the_earliest_bursts_of_every_device_in_order()
    {
        var set = Set(["a", "b", "a", "a", "b"], [1, 2, 3, 4, 5]);

        var first = EvaluationSets.FirstPerDevice(set, 2);

        Assert.Equal(new double[] { 1, 2, 3, 5 }, first.CfoHz);
        Assert.Equal(new float[] { 1, 2, 3, 5 }, first.Outputs);
    }

    [Fact]
    public void Concat_matches_devices_by_name_across_sets()
    {
        var first = Set(["a", "b"], [1, 2]);
        var second = Set(["b", "c"], [3, 4]);

        var both = EvaluationSets.Concat(first, second);

        Assert.Equal(new[] { "a", "b", "b", "c" }, Enumerable.Range(0, both.Count).Select(both.DeviceOf));
        Assert.Equal(new double[] { 1, 2, 3, 4 }, both.CfoHz);
    }

    [Fact]
    public void Of_devices_keeps_only_the_named_devices()
    {
        var set = Set(["a", "b", "c", "a"], [1, 2, 3, 4]);

        var subset = EvaluationSets.OfDevices(set, new HashSet<string>(["a", "c"], StringComparer.Ordinal));

        Assert.Equal(new double[] { 1, 3, 4 }, subset.CfoHz);
    }

    [Fact]
    public void Percentile_uses_the_nearest_rank()
    {
        double[] sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

        Assert.Equal(5, SpeedBenchmark.Percentile(sorted, 0.50));
        Assert.Equal(10, SpeedBenchmark.Percentile(sorted, 0.99));
    }

    /// <summary>One output per burst, equal to its CFO, so a subset's outputs show which bursts it kept.</summary>
    private static EvaluationSet Set(string[] devices, double[] cfoHz)
    {
        var names = devices.Distinct().Order(StringComparer.Ordinal).ToArray();
        return new EvaluationSet(cfoHz.Select(c => (float)c).ToArray(), 1, devices.Select(d => Array.IndexOf(names, d)).ToArray(), cfoHz,
            devices.Select(_ => 20.0).ToArray(), names);
    }
}
