namespace RfFingerprint.Fingerprinting.Decisions;

/// <summary>What the service concluded about one burst.</summary>
/// <param name="Verdict">The outcome.</param>
/// <param name="DeviceId">The enrolled device the fingerprint identifies (Authenticated, IdentityMismatch), else null.</param>
/// <param name="NearestDeviceId">The best fingerprint match before thresholds and the CFO rule (null without enrolments).</param>
/// <param name="Score">Score of <see cref="DeviceId"/>, or of <see cref="NearestDeviceId"/> when no device was accepted (NaN when none).</param>
/// <param name="ScoreKind">Probability (classifier) or distance (extractor).</param>
/// <param name="RunnerUpDeviceId">The next candidate after the reported one (after the CFO rule), or null.</param>
/// <param name="RunnerUpScore">Its score (NaN when none).</param>
/// <param name="Cfo">The CFO-range check.</param>
/// <param name="Claim">The identity the packet claims, or null when it carries none (or was not decoded).</param>
/// <param name="IdentityAgrees">Whether the claim's device is the fingerprint's device; null when there is no claim or no device.</param>
/// <param name="ModelVersion">The model that produced the fingerprint.</param>
/// <param name="Reason">One line for operators, e.g. why a burst was undecodable.</param>
public sealed record Decision(
    Verdict Verdict,
    string? DeviceId,
    string? NearestDeviceId,
    double Score,
    ScoreKind ScoreKind,
    string? RunnerUpDeviceId,
    double RunnerUpScore,
    CfoCheck Cfo,
    ClaimedIdentity? Claim,
    bool? IdentityAgrees,
    string ModelVersion,
    string Reason)
{
    /// <summary>The decision for a burst that could not be processed.</summary>
    public static Decision Undecodable(string modelVersion, string reason, double cfoHz = double.NaN, ClaimedIdentity? claim = null) =>
        new(Verdict.Undecodable, null, null, double.NaN, ScoreKind.Distance, null, double.NaN,
            new CfoCheck(cfoHz, null, null, [], null), claim, null, modelVersion, reason);
}
