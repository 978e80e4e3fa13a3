namespace RfFingerprint.Lora.Synchronization;

/// <summary>A preamble seen by the detector.</summary>
/// <param name="PeakBin">Bin of the accumulated dechirped spectrum's peak, with fractional part (CFO minus timing offset, in bins).</param>
/// <param name="Ratio">Peak over the mean of the other bins (the detection statistic).</param>
public readonly record struct PreambleCandidate(double PeakBin, double Ratio);
