using RfFingerprint.Fingerprinting.Evaluation;

namespace RfFingerprint.Fingerprinting.Tests.Evaluation;

public class DeviceBootstrapTests
{
    /// <summary>Scores of <paramref name="devices"/> devices, <paramref name="bursts"/> each, device d scoring around <paramref name="centre"/> + d * <paramref name="step"/>.</summary>
    private static (double[] Scores, string[] Devices) Population(string prefix, int devices, int bursts, double centre, double step)
    {
        var scores = new List<double>();
        var names = new List<string>();
        for (int d = 0; d < devices; d++)
        {
            for (int b = 0; b < bursts; b++)
            {
                scores.Add(centre + (d * step) + (b * 1e-4));
                names.Add($"{prefix}{d}");
            }
        }

        return (scores.ToArray(), names.ToArray());
    }

    private static OpenSetScores Overlapping()
    {
        var known = Population("k", 20, 10, 0.0, 0.01);
        var rogue = Population("r", 40, 5, 0.15, 0.01);
        return new OpenSetScores(known.Scores, known.Devices, rogue.Scores, rogue.Devices);
    }

    [Fact]
    public void SeparatedScoresGiveDegenerateIntervalsAtPerfectDetection()
    {
        var scores = new OpenSetScores([0.1, 0.2, 0.15], ["a", "a", "b"], [0.8, 0.9], ["x", "y"]);

        var (auc, eer) = DeviceBootstrap.Intervals(scores, replicates: 200);

        Assert.Equal(new ConfidenceInterval(1, 1), auc);
        Assert.Equal(new ConfidenceInterval(0, 0), eer);
    }

    [Fact]
    public void IntervalsOfOverlappingScoresContainThePointEstimateAndHaveWidth()
    {
        var scores = Overlapping();
        var point = FingerprintEvaluation.OpenSetFromScores(scores.KnownScores, scores.RogueScores);

        var (auc, eer) = DeviceBootstrap.Intervals(scores, replicates: 500);

        Assert.InRange(point.Auc, auc.Low, auc.High);
        Assert.InRange(point.Eer, eer.Low, eer.High);
        Assert.True(auc.High - auc.Low > 0.005, $"AUC interval {auc} has no width");
        Assert.True(eer.High - eer.Low > 0.01, $"EER interval {eer} has no width");
    }

    [Fact]
    public void ResamplingDevicesGivesWiderIntervalsThanTreatingEveryBurstAsADevice()
    {
        // The same scores, once with their senders and once as if every burst came from its own device.
        var clustered = Overlapping();
        var independent = new OpenSetScores(clustered.KnownScores, clustered.KnownScores.Select((_, i) => $"k{i}").ToArray(),
            clustered.RogueScores, clustered.RogueScores.Select((_, i) => $"r{i}").ToArray());

        var devices = DeviceBootstrap.Intervals(clustered, replicates: 500).Eer;
        var bursts = DeviceBootstrap.Intervals(independent, replicates: 500).Eer;

        Assert.True(devices.High - devices.Low > 1.5 * (bursts.High - bursts.Low), $"device interval {devices}, burst interval {bursts}");
    }

    [Fact]
    public void TheSameSeedGivesTheSameIntervals()
    {
        var scores = Overlapping();

        Assert.Equal(DeviceBootstrap.Intervals(scores, 300, seed: 5), DeviceBootstrap.Intervals(scores, 300, seed: 5));
    }

    [Fact]
    public void OpenSetFromScoresCountsDistinctDevicesAndAddsIntervals()
    {
        var report = FingerprintEvaluation.OpenSetFromScores(Overlapping(), bootstrapReplicates: 100);

        Assert.Equal((200, 200), (report.KnownCount, report.RogueCount));
        Assert.Equal((20, 40), (report.KnownDeviceCount, report.RogueDeviceCount));
        Assert.NotNull(report.AucInterval);
        Assert.NotNull(report.EerInterval);
    }

    [Fact]
    public void ConcatKeepsEachDeviceOneUnitAcrossParts()
    {
        var first = new OpenSetScores([0.1], ["a"], [0.7], ["b"]);
        var second = new OpenSetScores([0.2], ["b"], [0.6], ["a"]);

        var pooled = OpenSetScores.Concat([first, second]);

        Assert.Equal(["a", "b"], pooled.KnownDevices);
        Assert.Equal(["b", "a"], pooled.RogueDevices);
        Assert.Equal([0.7, 0.6], pooled.RogueScores);
    }

    [Fact]
    public void ScoresAndSendersMustHaveTheSameLength()
    {
        Assert.Throws<ArgumentException>(() => new OpenSetScores([0.1, 0.2], ["a"], [0.5], ["x"]));
    }

    [Fact]
    public void IntervalsNeedBothSides()
    {
        Assert.Throws<ArgumentException>(() => DeviceBootstrap.Intervals(new OpenSetScores([0.1], ["a"], [], [])));
    }
}
