namespace RfFingerprint.Pipeline.Evaluation;

/// <summary>One simulated recording set of an evaluation run and what the receiver made of it.</summary>
/// <param name="Name">Short name used in the report (e.g. <c>day1-core</c>).</param>
/// <param name="Session">Session seed.</param>
/// <param name="FirstDevice">First device index.</param>
/// <param name="Devices">Number of devices.</param>
/// <param name="BurstsPerDevice">Bursts simulated per device.</param>
/// <param name="MinutesSincePowerOn">Minutes the devices had been on at the session start.</param>
/// <param name="SnrDb">Mean in-band SNR, in dB.</param>
/// <param name="SnrSpreadDb">Uniform spread of the per-burst SNR, in dB.</param>
/// <param name="Simulated">Bursts simulated.</param>
/// <param name="Exported">Bursts the receiver decoded and the exporter wrote (CFO-compensated features).</param>
/// <param name="Skipped">Bursts the receiver reported but the exporter left out.</param>
public sealed record DataSetSummary(
    string Name,
    ulong Session,
    int FirstDevice,
    int Devices,
    int BurstsPerDevice,
    double MinutesSincePowerOn,
    double SnrDb,
    double SnrSpreadDb,
    int Simulated,
    int Exported,
    int Skipped);
