namespace RfFingerprint.Pipeline.Evaluation;

/// <summary>Identification among <see cref="Devices"/> enrolled devices (extractor, no retraining).</summary>
/// <param name="Devices">Devices enrolled and tested.</param>
/// <param name="EnrolBurstsPerDevice">Day-1 bursts per device used for enrolment.</param>
/// <param name="TestBursts">Day-2 bursts scored.</param>
/// <param name="Accuracy">Fingerprint alone.</param>
/// <param name="HybridAccuracy">With the CFO-range rule.</param>
/// <param name="CfoOnlyAccuracy">Baseline: nearest day-1 mean CFO.</param>
public sealed record ScaleRow(int Devices, int EnrolBurstsPerDevice, int TestBursts, double Accuracy, double HybridAccuracy, double CfoOnlyAccuracy);
