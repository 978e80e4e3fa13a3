namespace RfFingerprint.Fingerprinting.Evaluation;

/// <summary>Rogue-device detection: known-device bursts against bursts of devices never enrolled.</summary>
/// <param name="KnownCount">Bursts of enrolled devices.</param>
/// <param name="RogueCount">Bursts (scores) of devices not enrolled.</param>
/// <param name="Auc">Area under the ROC curve: P(rogue score &gt; known score), ties counting one half.</param>
/// <param name="Eer">Equal error rate: where the false-accept and false-reject rates cross.</param>
/// <param name="EerThreshold">Distance threshold at the equal error rate.</param>
/// <param name="Roc">The ROC curve, threshold ascending.</param>
public sealed record OpenSetReport(int KnownCount, int RogueCount, double Auc, double Eer, double EerThreshold, IReadOnlyList<RocPoint> Roc)
{
    /// <summary>Distinct enrolled devices behind the known scores (0 when the senders are unknown).</summary>
    public int KnownDeviceCount { get; init; }

    /// <summary>Distinct devices behind the rogue scores (0 when the senders are unknown).</summary>
    public int RogueDeviceCount { get; init; }

    /// <summary>95 % device-bootstrap interval of <see cref="Auc"/>; null when not computed.</summary>
    public ConfidenceInterval? AucInterval { get; init; }

    /// <summary>95 % device-bootstrap interval of <see cref="Eer"/>; null when not computed.</summary>
    public ConfidenceInterval? EerInterval { get; init; }
}
