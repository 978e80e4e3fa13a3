namespace RfFingerprint.Fingerprinting.Evaluation;

/// <summary>One operating point: accept when distance &lt;= Threshold.</summary>
/// <param name="Threshold">Distance threshold.</param>
/// <param name="FalseAcceptRate">Share of rogue bursts accepted (false positives of "known").</param>
/// <param name="TruePositiveRate">Share of known-device bursts accepted.</param>
public sealed record RocPoint(double Threshold, double FalseAcceptRate, double TruePositiveRate);
