using RfFingerprint.Fingerprinting.Decisions;

namespace RfFingerprint.Fingerprinting.Tests.Decisions;

public class EmbeddingMatcherTests
{
    /// <summary>count unit embeddings at angles spread +-spreadRad around angleRad (2-d).</summary>
    internal static float[] Cluster(double angleRad, int count, double spreadRad)
    {
        var e = new float[count * 2];
        for (int i = 0; i < count; i++)
        {
            double a = angleRad + (count == 1 ? 0 : spreadRad * ((2.0 * i / (count - 1)) - 1));
            e[2 * i] = (float)Math.Cos(a);
            e[(2 * i) + 1] = (float)Math.Sin(a);
        }

        return e;
    }

    internal static EnrolmentStatistics Enrol(string id, float[] embeddings, double cfoHz = 0) =>
        EnrolmentStatistics.FromEmbeddings(id, "m1", embeddings, 2, Enumerable.Repeat(cfoHz, embeddings.Length / 2).ToArray());

    [Fact]
    public void Centroid_CosineDistance_RanksTheNearerDeviceFirst()
    {
        var matcher = new EmbeddingMatcher([Enrol("a", Cluster(0, 5, 0.1)), Enrol("b", Cluster(Math.PI / 2, 5, 0.1))]);
        var distances = new double[2];

        matcher.Distances([1f, 0.1f], distances);

        Assert.True(distances[0] < distances[1]);
        Assert.Equal(1 - (0.1 / Math.Sqrt(1.01)), distances[1], 2);
    }

    [Fact]
    public void NearestNeighbours_AveragesTheKClosestEmbeddings()
    {
        float[] a = [1, 0, 0, 1, -1, 0];
        var matcher = new EmbeddingMatcher([Enrol("a", a)], new MatcherOptions { Method = MatchMethod.NearestNeighbours, K = 2, Metric = DistanceMetric.Euclidean });
        var distances = new double[1];

        matcher.Distances([1f, 0f], distances);

        // Nearest two of (1,0), (0,1), (-1,0) from (1,0): 0 and sqrt(2).
        Assert.Equal(Math.Sqrt(2) / 2, distances[0], 6);
    }

    [Fact]
    public void Calibrate_PutsTheThresholdBelowEveryImpostor_ForZeroFalseAccepts()
    {
        var matcher = new EmbeddingMatcher([Enrol("a", Cluster(0, 8, 0.2)), Enrol("b", Cluster(Math.PI / 2, 8, 0.2)), Enrol("c", Cluster(Math.PI, 8, 0.2))]);

        var calibration = matcher.Calibrate(0);

        Assert.Equal(CalibrationMethod.Impostors, calibration.Method);
        Assert.Equal(8 * 3 * 2, calibration.ImpostorCount);
        Assert.Equal(8 * 3, calibration.GenuineCount);
        Assert.Equal(0, calibration.FalseAcceptRate);
        Assert.Equal(0, calibration.FalseRejectRate);
    }

    [Fact]
    public void Calibrate_AcceptsAtMostTheTargetShareOfImpostors()
    {
        var random = new Random(11);
        var devices = Enumerable.Range(0, 4).Select(d => Enrol($"d{d}", Cluster(random.NextDouble() * 6, 10, 1.5))).ToArray();
        var matcher = new EmbeddingMatcher(devices);

        var calibration = matcher.Calibrate(0.1);

        Assert.True(calibration.FalseAcceptRate <= 0.1);
        Assert.True(calibration.FalseAcceptRate > 0.05);
    }

    [Fact]
    public void Calibrate_FallsBackToGenuineScores_WithOneDevice()
    {
        var matcher = new EmbeddingMatcher([Enrol("a", Cluster(0, 10, 0.3))]);

        var calibration = matcher.Calibrate(0.1);

        Assert.Equal(CalibrationMethod.GenuineOnly, calibration.Method);
        Assert.True(calibration.FalseRejectRate <= 0.1);
        Assert.True(double.IsFinite(calibration.Threshold));
    }

    [Fact]
    public void Calibrate_LeavesTheThresholdOpen_WithOneDeviceOfOneBurst()
    {
        var matcher = new EmbeddingMatcher([Enrol("a", Cluster(0, 1, 0))]);

        var calibration = matcher.Calibrate(0.01);

        Assert.Equal(CalibrationMethod.Uncalibrated, calibration.Method);
        Assert.Equal(double.PositiveInfinity, calibration.Threshold);
    }

    [Fact]
    public void Constructor_RejectsEmbeddingsOfDifferentSizes()
    {
        var three = EnrolmentStatistics.FromEmbeddings("c", "m1", [1f, 0, 0], 3, [0.0]);

        Assert.Throws<ArgumentException>(() => new EmbeddingMatcher([Enrol("a", Cluster(0, 2, 0.1)), three]));
    }
}
