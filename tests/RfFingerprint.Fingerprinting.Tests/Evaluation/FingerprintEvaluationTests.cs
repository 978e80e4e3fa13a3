using RfFingerprint.Fingerprinting.Evaluation;
using RfFingerprint.Fingerprinting.Inference;

namespace RfFingerprint.Fingerprinting.Tests.Evaluation;

public class FingerprintEvaluationTests
{
    private static float[] Unit(double angleRad) => [(float)Math.Cos(angleRad), (float)Math.Sin(angleRad)];

    /// <summary>Bursts at (angle, cfo, snr, label) as a 2-d embedding set.</summary>
    private static EvaluationSet Set(string[] names, params (double Angle, double CfoHz, double SnrDb, int Label)[] bursts) => new(
        bursts.SelectMany(b => Unit(b.Angle)).ToArray(), 2, bursts.Select(b => b.Label).ToArray(),
        bursts.Select(b => b.CfoHz).ToArray(), bursts.Select(b => b.SnrDb).ToArray(), names);

    private static readonly string[] Names = ["a", "b"];

    private static readonly EvaluationSet Train = Set(Names, (0.0, 1000, 20, 0), (0.1, 1000, 20, 0), (1.5, -3000, 20, 1), (1.6, -3000, 20, 1));

    [Fact]
    public void ClosedSet_HybridRuleFixesABurstWhoseFingerprintLooksLikeAnotherDevice()
    {
        // Third burst is device a with a fingerprint nearer b; its CFO says a.
        var test = Set(Names, (0.05, 1000, 12, 0), (1.55, -3000, 22, 1), (1.2, 1000, 22, 0));

        var report = FingerprintEvaluation.ClosedSet(Train, test, ModelKind.Extractor);

        Assert.Equal(3, report.Count);
        Assert.Equal(2.0 / 3, report.Accuracy, 9);
        Assert.Equal(1.0, report.HybridAccuracy, 9);
        Assert.Equal([1, 1, 0, 1], report.Confusion);
    }

    [Fact]
    public void ClosedSet_BinsAccuracyBySnr()
    {
        var test = Set(Names, (0.05, 1000, 12, 0), (1.55, -3000, 22, 1), (1.2, 1000, 22, 0));

        var report = FingerprintEvaluation.ClosedSet(Train, test, ModelKind.Extractor, snrBinWidthDb: 5);

        Assert.Equal(2, report.AccuracyBySnr.Count);
        Assert.Equal(new SnrBin(10, 15, 1, 1, 1), report.AccuracyBySnr[0]);
        Assert.Equal(new SnrBin(20, 25, 2, 0.5, 1), report.AccuracyBySnr[1]);
    }

    [Fact]
    public void ClosedSet_SkipsTestDevicesAbsentFromTraining()
    {
        var test = Set(["a", "b", "stranger"], (0.05, 1000, 20, 0), (3.0, 0, 20, 2));

        Assert.Equal(1, FingerprintEvaluation.ClosedSet(Train, test, ModelKind.Extractor).Count);
    }

    [Fact]
    public void ClosedSet_Classifier_MapsDevicesToModelClassesByName()
    {
        string[] names = ["x", "y"];
        var train = new EvaluationSet([0.9f, 0.1f, 0.2f, 0.8f], 2, [1, 0], [0, 5000], [20, 20], names);
        // Model class order is (y, x): a burst with probabilities (0.9, 0.1) is device y.
        var test = new EvaluationSet([0.9f, 0.1f, 0.3f, 0.7f], 2, [1, 0], [0, 5000], [20, 20], names);

        var report = FingerprintEvaluation.ClosedSet(train, test, ModelKind.Classifier, modelClasses: ["y", "x"]);

        Assert.Equal(1.0, report.Accuracy);
    }

    [Fact]
    public void OpenSet_SeparatedRoguesGiveAucOneAndEerZero()
    {
        var test = Set(["a", "b", "rogue"], (0.05, 0, 20, 0), (1.55, 0, 20, 1), (3.0, 0, 20, 2), (-2.0, 0, 20, 2));

        var report = FingerprintEvaluation.OpenSet(Train, test);

        Assert.Equal((2, 2), (report.KnownCount, report.RogueCount));
        Assert.Equal(1.0, report.Auc);
        Assert.Equal(0.0, report.Eer);
    }

    [Fact]
    public void OpenSetScores_NameTheSenderOfEveryScore()
    {
        var test = Set(["a", "b", "rogue"], (0.05, 0, 20, 0), (3.0, 0, 20, 2), (1.55, 0, 20, 1));

        var scores = FingerprintEvaluation.OpenSetScores(Train, test);

        Assert.Equal(["a", "b"], scores.KnownDevices);
        Assert.Equal(["rogue"], scores.RogueDevices);
        Assert.True(scores.RogueScores[0] > scores.KnownScores.Max());
    }

    [Fact]
    public void OpenSetFromScores_AucIsTheShareOfRogueKnownPairsInOrder()
    {
        var report = FingerprintEvaluation.OpenSetFromScores([0.1, 0.4], [0.3, 0.5]);

        Assert.Equal(0.75, report.Auc, 12);
        Assert.Equal(0.5, report.Eer, 12);
        Assert.Equal(new RocPoint(0.5, 1, 1), report.Roc[^1]);
    }

    [Fact]
    public void OpenSetFromScores_TiesCountOneHalf()
    {
        Assert.Equal(0.5, FingerprintEvaluation.OpenSetFromScores([1.0, 1.0], [1.0]).Auc, 12);
    }

    [Fact]
    public void OpenSet_RequiresRogueBursts()
    {
        var test = Set(Names, (0.05, 0, 20, 0));

        Assert.Throws<ArgumentException>(() => FingerprintEvaluation.OpenSet(Train, test));
    }
}
