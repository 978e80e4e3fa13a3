using RfFingerprint.Fingerprinting.Decisions;

namespace RfFingerprint.Pipeline.Options;

/// <summary>How decisions are made. Bound from the <c>Decision</c> configuration section.</summary>
public sealed class DecisionSettings
{
    public const string SectionName = "Decision";

    /// <summary>Open-set rejection: the distance threshold is set so that this share of impostor enrolment pairs would be accepted.</summary>
    public double TargetFalseAcceptRate { get; set; } = 0.01;

    /// <summary>Smallest half-width of each device's enrolled CFO range, in Hz (see <see cref="CfoRangeOptions.MarginHz"/>).</summary>
    public double CfoMarginHz { get; set; } = 600;

    /// <summary>Apply the seed paper's hybrid rule (rule out candidates whose CFO range does not contain the burst's CFO).</summary>
    public bool UseCfoRule { get; set; } = true;

    /// <summary>Let authenticated bursts move their device's CFO range (slow warm-up drift must not lock a device out).</summary>
    public bool TrackCfoDrift { get; set; } = true;

    /// <summary>The range options these settings imply.</summary>
    public CfoRangeOptions RangeOptions => new() { MarginHz = CfoMarginHz };

    /// <summary>Decision options with the given open-set distance threshold.</summary>
    public DecisionOptions ToDecisionOptions(double distanceThreshold) => new()
    {
        DistanceThreshold = distanceThreshold,
        UseCfoRule = UseCfoRule,
        TrackCfoDrift = TrackCfoDrift,
        CfoRange = RangeOptions,
    };
}
