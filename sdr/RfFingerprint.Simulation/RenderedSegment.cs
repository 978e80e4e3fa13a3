using MathNet.Numerics;

namespace RfFingerprint.Simulation;

/// <summary>A stretch of received stream: a noise gap, then one burst, as the receiver digitised it.</summary>
/// <param name="Samples">Gap and burst samples (noise and receiver applied).</param>
/// <param name="BurstOffset">Index in <paramref name="Samples"/> of the burst's first sample.</param>
/// <param name="BurstLength">Samples of the burst.</param>
/// <param name="NoiseVariance">Complex noise variance used (0 when noise is off).</param>
/// <param name="Truth">Ground truth.</param>
public sealed record RenderedSegment(Complex32[] Samples, int BurstOffset, int BurstLength, double NoiseVariance, BurstTruth Truth);
