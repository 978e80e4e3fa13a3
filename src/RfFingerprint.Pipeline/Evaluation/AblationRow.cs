namespace RfFingerprint.Pipeline.Evaluation;

/// <summary>Closed-set accuracy of one model and preprocessing, by fingerprint alone and with the CFO-range rule.</summary>
/// <param name="Method">What identifies the bursts (e.g. <c>classifier</c>, <c>extractor + centroid enrolment</c>).</param>
/// <param name="CfoCompensation">Whether the burst's estimated CFO was removed before the spectrogram.</param>
/// <param name="TestBursts">Test bursts scored.</param>
/// <param name="Accuracy">Share identified correctly by the fingerprint alone.</param>
/// <param name="HybridAccuracy">Share identified correctly with the CFO-range rule.</param>
public sealed record AblationRow(string Method, bool CfoCompensation, int TestBursts, double Accuracy, double HybridAccuracy);
