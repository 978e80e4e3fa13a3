namespace RfFingerprint.Pipeline.Evaluation;

/// <summary>The receiver's CFO estimates against the simulator's ground truth (<c>rffp:true_cfo_hz</c>) on one set.</summary>
/// <param name="Set">Data set name.</param>
/// <param name="Bursts">Bursts compared.</param>
/// <param name="RmsErrorHz">Root mean square of estimate − truth, in Hz.</param>
/// <param name="P95AbsErrorHz">95th percentile of |estimate − truth|, in Hz.</param>
/// <param name="WholeBinErrors">Bursts whose error exceeds half a LoRa bin (BW / 2^SF / 2): the integer part of the CFO was resolved wrongly.</param>
/// <param name="BinHz">One LoRa bin, BW / 2^SF, in Hz.</param>
/// <param name="MeanWithinDeviceSpreadHz">Mean over devices of the standard deviation of the true CFO within the set (drift), in Hz.</param>
public sealed record CfoAccuracyRow(string Set, int Bursts, double RmsErrorHz, double P95AbsErrorHz, int WholeBinErrors, double BinHz, double MeanWithinDeviceSpreadHz);
