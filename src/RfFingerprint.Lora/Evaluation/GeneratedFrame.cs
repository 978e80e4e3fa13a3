namespace RfFingerprint.Lora.Evaluation;

/// <summary>Ground truth of one frame placed in a generated stream.</summary>
/// <param name="StartSamples">Exact stream position of the frame's first sample (fractional part from the applied delay).</param>
/// <param name="SpreadingFactor">Spreading factor used.</param>
/// <param name="CfoHz">Carrier frequency offset applied.</param>
/// <param name="Payload">Payload sent.</param>
public sealed record GeneratedFrame(double StartSamples, int SpreadingFactor, double CfoHz, byte[] Payload);
