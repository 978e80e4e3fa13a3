namespace RfFingerprint.Pipeline.Evaluation;

/// <summary>Closed-set accuracy of the sweep bursts whose estimated SNR lies in [LowDb, HighDb).</summary>
/// <param name="LowDb">Lower bin edge, in dB.</param>
/// <param name="HighDb">Upper bin edge, in dB.</param>
/// <param name="TestBursts">Bursts in the bin (extractor evaluation).</param>
/// <param name="ExtractorAccuracy">Extractor + enrolment, fingerprint alone.</param>
/// <param name="ExtractorHybridAccuracy">Extractor + enrolment with the CFO-range rule.</param>
/// <param name="ClassifierAccuracy">Day-1 classifier (CFO-compensated), fingerprint alone; NaN without a classifier.</param>
/// <param name="ClassifierHybridAccuracy">Day-1 classifier with the CFO-range rule; NaN without a classifier.</param>
public sealed record SnrRow(double LowDb, double HighDb, int TestBursts, double ExtractorAccuracy, double ExtractorHybridAccuracy, double ClassifierAccuracy, double ClassifierHybridAccuracy);
