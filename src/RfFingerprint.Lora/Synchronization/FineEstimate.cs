namespace RfFingerprint.Lora.Synchronization;

/// <summary>Residuals measured on a preamble that was channelised at the coarse estimates.</summary>
/// <param name="CfoBins">Residual CFO in bins (BW / 2^SF Hz each), integer ambiguity of the inter-chirp phase resolved.</param>
/// <param name="TimingChips">Residual timing in chips: positive when the chirps start later than assumed.</param>
/// <param name="UpToneBins">Where the dechirped preamble tone sits (CFO − timing), in bins.</param>
/// <param name="SnrLinear">In-band SNR (signal power over noise power within the bandwidth).</param>
/// <param name="FirstSyncBin">Demodulated bin of the first sync-word chirp.</param>
/// <param name="SecondSyncBin">Demodulated bin of the second sync-word chirp.</param>
/// <param name="DriftChipsPerSymbol">Timing drift across the preamble (sample-clock offset), chips per symbol: positive when each chirp starts later than the last by more than a nominal symbol.</param>
public readonly record struct FineEstimate(double CfoBins, double TimingChips, double UpToneBins, double SnrLinear, int FirstSyncBin, int SecondSyncBin, double DriftChipsPerSymbol);
