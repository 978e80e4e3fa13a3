namespace RfFingerprint.Pipeline.Evaluation;

/// <summary>A simple identifier on the same closed-set data as the fingerprint models.</summary>
/// <param name="Method">What it does.</param>
/// <param name="Devices">Devices.</param>
/// <param name="TestBursts">Test bursts scored.</param>
/// <param name="Accuracy">Share identified correctly.</param>
public sealed record BaselineRow(string Method, int Devices, int TestBursts, double Accuracy);
