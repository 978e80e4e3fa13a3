namespace RfFingerprint.Fingerprinting.Evaluation;

/// <summary>Closed-set identification of test bursts from devices seen in training.</summary>
/// <param name="Count">Test bursts scored (bursts of devices absent from training are left out).</param>
/// <param name="Accuracy">Share identified correctly by the fingerprint alone.</param>
/// <param name="HybridAccuracy">Share identified correctly with the CFO-range rule (the seed paper's hybrid classifier).</param>
/// <param name="DeviceNames">Devices, in the order of <see cref="Confusion"/> rows and columns.</param>
/// <param name="Confusion">Fingerprint-only confusion counts, row = true device, column = predicted device (row-major, D x D).</param>
/// <param name="AccuracyBySnr">Accuracy per SNR bin (bursts with unknown SNR are left out).</param>
public sealed record ClosedSetReport(
    int Count,
    double Accuracy,
    double HybridAccuracy,
    IReadOnlyList<string> DeviceNames,
    int[] Confusion,
    IReadOnlyList<SnrBin> AccuracyBySnr);
