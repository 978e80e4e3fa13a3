namespace RfFingerprint.Pipeline.UseCases;

/// <summary>Progress through one capture: how far into its samples the bursts seen so far reach.</summary>
/// <param name="Capture">The recording's display name.</param>
/// <param name="SamplesDone">Stream position of the last burst seen (an underestimate between bursts).</param>
/// <param name="SamplesTotal">Samples in the recording.</param>
/// <param name="Bursts">Bursts seen so far in this capture.</param>
public readonly record struct CaptureProgress(string Capture, long SamplesDone, long SamplesTotal, int Bursts);
