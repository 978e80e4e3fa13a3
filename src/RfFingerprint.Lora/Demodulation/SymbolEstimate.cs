namespace RfFingerprint.Lora.Demodulation;

/// <summary>One demodulated chirp.</summary>
/// <param name="Bin">Strongest DFT bin, 0 to 2^SF − 1 (the chirp's shift when synchronised).</param>
/// <param name="FractionalBin">Offset of the true peak from <paramref name="Bin"/> in bins (−0.5 to 0.5), from the complex neighbours (Jacobsen).</param>
/// <param name="PeakPower">|X[Bin]|².</param>
/// <param name="TotalPower">Σ |X[k]|².</param>
public readonly record struct SymbolEstimate(int Bin, double FractionalBin, float PeakPower, float TotalPower);
