namespace RfFingerprint.Pipeline.Evaluation;

/// <summary>Closed-set accuracy of the sweep bursts simulated at one in-band SNR.</summary>
/// <param name="SnrDb">Simulated in-band SNR, in dB.</param>
/// <param name="Simulated">Bursts simulated at this SNR.</param>
/// <param name="TestBursts">Bursts decoded and scored.</param>
/// <param name="MeanEstimatedSnrDb">Mean of the receiver's SNR estimates of the scored bursts, in dB.</param>
/// <param name="ExtractorAccuracy">Extractor + enrolment, fingerprint alone.</param>
/// <param name="ExtractorHybridAccuracy">Extractor + enrolment with the CFO-range rule.</param>
/// <param name="ClassifierAccuracy">Day-1 classifier (CFO-compensated), fingerprint alone; NaN without a classifier.</param>
/// <param name="ClassifierHybridAccuracy">Day-1 classifier with the CFO-range rule; NaN without a classifier.</param>
public sealed record SnrRow(double SnrDb, int Simulated, int TestBursts, double MeanEstimatedSnrDb, double ExtractorAccuracy, double ExtractorHybridAccuracy, double ClassifierAccuracy, double ClassifierHybridAccuracy);
