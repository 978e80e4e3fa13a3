using RfFingerprint.Fingerprinting.Decisions;

namespace RfFingerprint.Fingerprinting.Tests.Decisions;

public class CfoRangeTests
{
    private static readonly CfoRangeOptions Options = new() { StdMultiplier = 3, MarginHz = 300, DriftSmoothing = 0.1, MaxDriftStepHz = 25 };

    [Fact]
    public void Range_IsMeanPlusMinusKStd_WhenThatIsWiderThanTheMargin()
    {
        var range = CfoRange.FromStatistics(new CfoStatistics(1000, 200, 800, 1200, 10), Options);

        Assert.Equal(new CfoRange(1000, 400, 1600), range);
    }

    [Fact]
    public void Range_IsMeanPlusMinusMargin_ForASingleBurst()
    {
        var statistics = CfoStatistics.FromSamples([-4200.0]);

        Assert.Equal(0, statistics.StdHz);
        Assert.Equal(new CfoRange(-4200, -4500, -3900), CfoRange.FromStatistics(statistics, Options));
    }

    [Fact]
    public void Range_AlwaysContainsEveryEnrolmentBurst()
    {
        var cfo = Enumerable.Repeat(0.0, 19).Append(10_000).ToArray();

        var range = CfoRange.FromStatistics(CfoStatistics.FromSamples(cfo), Options);

        Assert.Equal(10_000, range.UpperHz);
        Assert.True(range.Contains(10_000));
    }

    [Fact]
    public void Statistics_UseTheSampleStandardDeviation()
    {
        var statistics = CfoStatistics.FromSamples([1.0, 2, 3, 4]);

        Assert.Equal(2.5, statistics.MeanHz);
        Assert.Equal(Math.Sqrt(5.0 / 3), statistics.StdHz, 12);
        Assert.Equal((1.0, 4.0, 4), (statistics.MinHz, statistics.MaxHz, statistics.Count));
    }

    [Fact]
    public void Statistics_RejectNoBursts()
    {
        Assert.Throws<ArgumentException>(() => CfoStatistics.FromSamples([]));
    }

    [Fact]
    public void Track_MovesTheWholeRangeBySmoothingTimesTheOffset()
    {
        var range = new CfoRange(0, -300, 300);

        Assert.Equal(new CfoRange(10, -290, 310), range.Track(100, Options));
    }

    [Fact]
    public void Track_BoundsTheStep()
    {
        var range = new CfoRange(0, -300, 300);

        Assert.Equal(new CfoRange(-25, -325, 275), range.Track(-5000, Options));
    }

    [Fact]
    public void Track_IgnoresAnUnknownCfo()
    {
        var range = new CfoRange(0, -300, 300);

        Assert.Equal(range, range.Track(double.NaN, Options));
    }

    [Fact]
    public void Contains_IsFalseForNaN()
    {
        Assert.False(new CfoRange(0, -300, 300).Contains(double.NaN));
    }
}
