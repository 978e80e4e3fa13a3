using RfFingerprint.Fingerprinting.Evaluation;

namespace RfFingerprint.Pipeline.Evaluation;

/// <summary>Devices never seen in training, enrolled with <see cref="BurstsPerDevice"/> day-1 bursts each, tested on day 2 (all enrolment groups pooled).</summary>
/// <param name="BurstsPerDevice">Enrolment bursts per device.</param>
/// <param name="KnownBursts">Day-2 bursts of enrolled devices (scored once, by their own group).</param>
/// <param name="RogueBursts">Rogue scores: day-2 bursts of devices not enrolled in the group that scored them (a device is rogue to every group but its own).</param>
/// <param name="Accuracy">Identification accuracy of the known bursts (fingerprint alone).</param>
/// <param name="HybridAccuracy">Identification accuracy with the CFO-range rule.</param>
/// <param name="RogueAuc">ROC AUC of rogue detection by distance to the nearest enrolled device.</param>
/// <param name="RogueEer">Equal error rate of rogue detection.</param>
/// <param name="EerThreshold">Distance at the equal error rate.</param>
public sealed record EnrolmentRow(int BurstsPerDevice, int KnownBursts, int RogueBursts, double Accuracy, double HybridAccuracy, double RogueAuc, double RogueEer, double EerThreshold)
{
    /// <summary>Enrolled devices behind the known bursts.</summary>
    public int KnownDevices { get; init; }

    /// <summary>Distinct devices behind the rogue scores.</summary>
    public int RogueDevices { get; init; }

    /// <summary>Groups of enrolled devices pooled.</summary>
    public int Groups { get; init; } = 1;

    /// <summary>95 % device-bootstrap interval of <see cref="RogueAuc"/>.</summary>
    public ConfidenceInterval? AucInterval { get; init; }

    /// <summary>95 % device-bootstrap interval of <see cref="RogueEer"/>.</summary>
    public ConfidenceInterval? EerInterval { get; init; }
}
