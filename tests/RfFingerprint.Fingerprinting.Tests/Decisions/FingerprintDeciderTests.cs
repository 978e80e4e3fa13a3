using RfFingerprint.Fingerprinting.Decisions;
using RfFingerprint.Fingerprinting.Inference;
using static RfFingerprint.Fingerprinting.Tests.Decisions.EmbeddingMatcherTests;

namespace RfFingerprint.Fingerprinting.Tests.Decisions;

public class FingerprintDeciderTests
{
    private static readonly float[] NearA = [1f, 0.05f];

    /// <summary>Device a near angle 0 with CFO around 1000 Hz, device b near angle 90 degrees with CFO around -3000 Hz.</summary>
    private static FingerprintDecider TwoDevices(DecisionOptions? options = null) => new(
        ModelKind.Extractor, "m1", [Enrol("a", Cluster(0, 6, 0.1), 1000), Enrol("b", Cluster(Math.PI / 2, 6, 0.1), -3000)], options);

    [Fact]
    public void EmptyEnrolment_GivesUnknownDevice()
    {
        var decider = new FingerprintDecider(ModelKind.Extractor, "m1", []);

        var decision = decider.Decide(NearA, 1000);

        Assert.Equal(Verdict.UnknownDevice, decision.Verdict);
        Assert.Null(decision.DeviceId);
        Assert.Null(decision.NearestDeviceId);
        Assert.Equal("m1", decision.ModelVersion);
    }

    [Fact]
    public void DeviceWithASingleEnrolmentBurst_IsAuthenticatedWithinTheMargin()
    {
        var decider = new FingerprintDecider(ModelKind.Extractor, "m1", [Enrol("solo", [1f, 0f], 500)], new DecisionOptions { DistanceThreshold = 0.1 });

        // One burst has no spread: the range is the enrolled CFO +- the default 600 Hz margin.
        Assert.Equal(Verdict.Authenticated, decider.Decide(NearA, 1050).Verdict);
        Assert.Equal(Verdict.CfoOutOfRange, decider.Decide(NearA, 1150).Verdict);
    }

    [Fact]
    public void NearestDeviceWithinTheThreshold_IsAuthenticated()
    {
        var decision = TwoDevices(new DecisionOptions { DistanceThreshold = 0.05 }).Decide(NearA, 1000);

        Assert.Equal(Verdict.Authenticated, decision.Verdict);
        Assert.Equal("a", decision.DeviceId);
        Assert.Equal(ScoreKind.Distance, decision.ScoreKind);
        Assert.True(decision.Score < 0.05);
        Assert.True(decision.Cfo.InRange);
    }

    [Fact]
    public void NearestDeviceBeyondTheThreshold_GivesUnknownDevice()
    {
        float[] between = [1f, 0.8f];

        var decision = TwoDevices(new DecisionOptions { DistanceThreshold = 0.05 }).Decide(between, 1000);

        Assert.Equal(Verdict.UnknownDevice, decision.Verdict);
        Assert.Null(decision.DeviceId);
        Assert.Equal("a", decision.NearestDeviceId);
    }

    [Fact]
    public void CfoRule_RulesOutTheNearestCandidate_AndPicksTheNextThatFits()
    {
        float[] slightlyNearerA = [1f, 0.9f];

        var decision = TwoDevices().Decide(slightlyNearerA, -3000);

        Assert.Equal(Verdict.Authenticated, decision.Verdict);
        Assert.Equal("b", decision.DeviceId);
        Assert.Equal("a", decision.NearestDeviceId);
        Assert.Equal(["a"], decision.Cfo.RuledOut);
    }

    [Fact]
    public void WithoutTheCfoRule_TheNearestCandidateWins()
    {
        float[] slightlyNearerA = [1f, 0.9f];

        var decision = TwoDevices(new DecisionOptions { UseCfoRule = false }).Decide(slightlyNearerA, -3000);

        Assert.Equal("a", decision.DeviceId);
        Assert.Empty(decision.Cfo.RuledOut);
        Assert.False(decision.Cfo.InRange);
    }

    [Fact]
    public void MatchingFingerprintWithForeignCfo_GivesCfoOutOfRange()
    {
        var decision = TwoDevices(new DecisionOptions { DistanceThreshold = 0.05 }).Decide(NearA, 9000);

        Assert.Equal(Verdict.CfoOutOfRange, decision.Verdict);
        Assert.Null(decision.DeviceId);
        Assert.Equal("a", decision.NearestDeviceId);
        Assert.Equal(["a", "b"], decision.Cfo.RuledOut);
        Assert.False(decision.Cfo.InRange);
    }

    [Fact]
    public void DriftTracking_FollowsASlowWarmUpDrift()
    {
        var decider = TwoDevices(new DecisionOptions { DistanceThreshold = 0.05 });
        double upperBefore = decider.CurrentRange("a").UpperHz;
        Verdict last = Verdict.Undecodable;

        // +4 Hz per burst for 300 bursts: ends 1200 Hz above the enrolment mean, far beyond the initial +-600 Hz.
        for (int burst = 1; burst <= 300; burst++)
            last = decider.Decide(NearA, 1000 + (4.0 * burst)).Verdict;

        Assert.Equal(Verdict.Authenticated, last);
        Assert.True(decider.CurrentRange("a").UpperHz > upperBefore + 900);
    }

    [Fact]
    public void WithoutDriftTracking_TheSameWarmUpLocksTheDeviceOut()
    {
        var decider = TwoDevices(new DecisionOptions { DistanceThreshold = 0.05, TrackCfoDrift = false });
        Verdict last = Verdict.Undecodable;

        for (int burst = 1; burst <= 300; burst++)
            last = decider.Decide(NearA, 1000 + (4.0 * burst)).Verdict;

        Assert.Equal(Verdict.CfoOutOfRange, last);
    }

    [Fact]
    public void AuthenticatedBurst_ReportsTheUpdatedRange()
    {
        var decider = TwoDevices();

        var decision = decider.Decide(NearA, 1100);

        Assert.Equal(new CfoRange(1000, 400, 1600), decision.Cfo.Range);
        Assert.Equal(new CfoRange(1010, 410, 1610), decision.Cfo.UpdatedRange);
        Assert.Equal(decision.Cfo.UpdatedRange, decider.CurrentRange("a"));
    }

    [Fact]
    public void ClaimOfAnotherDevice_GivesIdentityMismatch_AndDoesNotMoveTheRange()
    {
        var decider = TwoDevices();

        var decision = decider.Decide(NearA, 1100, new ClaimedIdentity("DevAddr 26011B01", "b"));

        Assert.Equal(Verdict.IdentityMismatch, decision.Verdict);
        Assert.Equal("a", decision.DeviceId);
        Assert.False(decision.IdentityAgrees);
        Assert.Null(decision.Cfo.UpdatedRange);
        Assert.Equal(1000, decider.CurrentRange("a").CenterHz);
    }

    [Fact]
    public void ClaimOfAnIdentityNoDeviceHas_GivesIdentityMismatch()
    {
        var decision = TwoDevices().Decide(NearA, 1000, new ClaimedIdentity("DevAddr 00000001", null));

        Assert.Equal(Verdict.IdentityMismatch, decision.Verdict);
    }

    [Fact]
    public void ClaimOfTheMatchingDevice_IsAuthenticated()
    {
        var decision = TwoDevices().Decide(NearA, 1000, new ClaimedIdentity("DevAddr 26011B01", "a"));

        Assert.Equal(Verdict.Authenticated, decision.Verdict);
        Assert.True(decision.IdentityAgrees);
        Assert.Equal("DevAddr 26011B01", decision.Claim?.Text);
    }

    [Fact]
    public void UnknownCfo_SkipsTheRule()
    {
        var decision = TwoDevices().Decide(NearA, double.NaN);

        Assert.Equal(Verdict.Authenticated, decision.Verdict);
        Assert.Null(decision.Cfo.InRange);
        Assert.Null(decision.Cfo.UpdatedRange);
    }

    [Fact]
    public void Classifier_PicksTheMostProbableEnrolledClass()
    {
        var decider = new FingerprintDecider(ModelKind.Classifier, "c1",
            [EnrolmentStatistics.ForClass("x", "c1", 0, [-1900.0]), EnrolmentStatistics.ForClass("y", "c1", 2, [-2000.0])],
            new DecisionOptions { MinimumProbability = 0.5 });

        var decision = decider.Decide([0.1f, 0.2f, 0.7f], -2000);

        Assert.Equal(Verdict.Authenticated, decision.Verdict);
        Assert.Equal("y", decision.DeviceId);
        Assert.Equal(ScoreKind.Probability, decision.ScoreKind);
        Assert.Equal(0.7, decision.Score, 6);
        Assert.Equal("x", decision.RunnerUpDeviceId);
    }

    [Fact]
    public void Classifier_RejectsAnUncertainBurst()
    {
        var decider = new FingerprintDecider(ModelKind.Classifier, "c1",
            [EnrolmentStatistics.ForClass("x", "c1", 0, [0.0]), EnrolmentStatistics.ForClass("y", "c1", 1, [0.0])],
            new DecisionOptions { MinimumProbability = 0.8 });

        Assert.Equal(Verdict.UnknownDevice, decider.Decide([0.6f, 0.4f], 0).Verdict);
    }

    [Fact]
    public void EnrolmentOfAnotherModelVersion_IsRefused()
    {
        var e = Assert.Throws<ArgumentException>(() => new FingerprintDecider(ModelKind.Extractor, "m2", [Enrol("a", Cluster(0, 2, 0.1))]));

        Assert.Contains("m1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Undecodable_CarriesTheReason()
    {
        var decision = Decision.Undecodable("m1", "preamble too short");

        Assert.Equal(Verdict.Undecodable, decision.Verdict);
        Assert.Equal("preamble too short", decision.Reason);
        Assert.Null(decision.DeviceId);
    }
}
