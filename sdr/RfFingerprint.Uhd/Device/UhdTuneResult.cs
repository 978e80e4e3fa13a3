namespace RfFingerprint.Uhd.Device;

/// <summary>What a tune request achieved (<c>uhd_tune_result_t</c>). The received centre frequency is
/// <see cref="ActualRfFrequencyHz"/> + <see cref="ActualDspFrequencyHz"/> for RX (UHD's sign convention).</summary>
/// <param name="ClippedRfFrequencyHz">Target RF frequency, clipped to the front end's range.</param>
/// <param name="TargetRfFrequencyHz">Target RF frequency including the front end's offset.</param>
/// <param name="ActualRfFrequencyHz">Frequency the RF LO actually tuned to.</param>
/// <param name="TargetDspFrequencyHz">Frequency the DSP (CORDIC) was asked to shift by.</param>
/// <param name="ActualDspFrequencyHz">Frequency the DSP actually shifts by.</param>
public readonly record struct UhdTuneResult(
    double ClippedRfFrequencyHz,
    double TargetRfFrequencyHz,
    double ActualRfFrequencyHz,
    double TargetDspFrequencyHz,
    double ActualDspFrequencyHz);
