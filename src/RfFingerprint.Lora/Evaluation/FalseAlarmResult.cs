namespace RfFingerprint.Lora.Evaluation;

/// <summary>Outcome of <see cref="ReceiverEvaluation.FalseAlarms"/>.</summary>
/// <param name="Seconds">Stream duration fed, in seconds at the sample rate.</param>
/// <param name="Detections">Preamble detections (before any SFD or sync-word check).</param>
/// <param name="Bursts">Bursts reported (the false detections that count).</param>
/// <param name="BurstsPerTenMinutes">Bursts scaled to ten minutes.</param>
public readonly record struct FalseAlarmResult(double Seconds, long Detections, long Bursts, double BurstsPerTenMinutes);
