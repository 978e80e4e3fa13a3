using RfFingerprint.Uhd.Device;

namespace RfFingerprint.Uhd.Streaming;

/// <summary>What the device actually uses after configuration, read back from it.</summary>
/// <param name="MotherboardName">e.g. "N210r4".</param>
/// <param name="SampleRateHz">RX sample rate in use.</param>
/// <param name="CenterFrequencyHz">RX centre frequency in use.</param>
/// <param name="Tune">What the LO and DSP tuned to.</param>
/// <param name="GainDb">RX gain in use.</param>
/// <param name="Antenna">RX antenna in use.</param>
/// <param name="BandwidthHz">RX analog bandwidth in use.</param>
public sealed record UhdDeviceSettings(
    string MotherboardName,
    double SampleRateHz,
    double CenterFrequencyHz,
    UhdTuneResult Tune,
    double GainDb,
    string Antenna,
    double BandwidthHz);
