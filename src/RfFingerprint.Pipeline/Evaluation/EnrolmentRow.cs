namespace RfFingerprint.Pipeline.Evaluation;

/// <summary>Devices never seen in training, enrolled with <see cref="BurstsPerDevice"/> day-1 bursts each, tested on day 2.</summary>
/// <param name="BurstsPerDevice">Enrolment bursts per device.</param>
/// <param name="KnownBursts">Day-2 bursts of enrolled devices.</param>
/// <param name="RogueBursts">Day-2 bursts of devices never enrolled.</param>
/// <param name="Accuracy">Identification accuracy of the known bursts (fingerprint alone).</param>
/// <param name="HybridAccuracy">Identification accuracy with the CFO-range rule.</param>
/// <param name="RogueAuc">ROC AUC of rogue detection by distance to the nearest enrolled device.</param>
/// <param name="RogueEer">Equal error rate of rogue detection.</param>
/// <param name="EerThreshold">Distance at the equal error rate.</param>
public sealed record EnrolmentRow(int BurstsPerDevice, int KnownBursts, int RogueBursts, double Accuracy, double HybridAccuracy, double RogueAuc, double RogueEer, double EerThreshold);
