namespace RfFingerprint.Lora.Evaluation;

/// <summary>Receiver performance at one SNR.</summary>
/// <param name="SnrDb">In-band SNR of the test frames.</param>
/// <param name="Frames">Frames sent.</param>
/// <param name="DetectionRate">Fraction of frames reported as a burst (any status) at the right position.</param>
/// <param name="CrcOkRate">Fraction of frames decoded with a valid CRC and the right payload.</param>
/// <param name="CfoRmseHz">RMS CFO error over detected frames.</param>
/// <param name="CfoCrbHz">Cramér-Rao bound (standard deviation) for a tone as long as the preamble at this SNR.</param>
/// <param name="Slips">Detected frames whose CFO error exceeds half a bin (BW / 2^(SF+1)).</param>
/// <param name="TimingRmseSamples">RMS error of the estimated frame start, in samples.</param>
/// <param name="MeanEstimatedSnrDb">Mean of the receiver's SNR estimates over detected frames.</param>
/// <param name="FalseBursts">Reported bursts that match no frame.</param>
/// <param name="SynchronisedCfoRmseHz">RMS CFO error over detected frames whose header decoded (synchronisation succeeded).</param>
/// <param name="SynchronisedSlips">Slips among those frames.</param>
public readonly record struct ReceiverEvaluationRow(double SnrDb, int Frames, double DetectionRate, double CrcOkRate, double CfoRmseHz, double CfoCrbHz, int Slips, double TimingRmseSamples, double MeanEstimatedSnrDb, int FalseBursts, double SynchronisedCfoRmseHz, int SynchronisedSlips);
