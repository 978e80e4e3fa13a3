namespace RfFingerprint.Fingerprinting.Evaluation;

/// <summary>Accuracy of the bursts whose SNR lies in [LowDb, HighDb).</summary>
public sealed record SnrBin(double LowDb, double HighDb, int Count, double Accuracy, double HybridAccuracy);
