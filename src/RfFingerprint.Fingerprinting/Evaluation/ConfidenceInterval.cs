namespace RfFingerprint.Fingerprinting.Evaluation;

/// <summary>A two-sided interval around an estimate (here: the 2.5th and 97.5th percentiles of bootstrap replicates).</summary>
/// <param name="Low">Lower bound.</param>
/// <param name="High">Upper bound.</param>
public readonly record struct ConfidenceInterval(double Low, double High);
