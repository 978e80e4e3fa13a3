using MathNet.Numerics;

namespace RfFingerprint.Benchmarks;

/// <summary>Seeded in-memory inputs: benchmarks never touch hardware, files or the network.</summary>
internal static class SignalFactory
{
    public static Complex32[] Noise(int length, int seed)
    {
        var random = new Random(seed);
        var samples = new Complex32[length];
        for (var i = 0; i < samples.Length; i++)
            samples[i] = new Complex32((float)(random.NextDouble() - 0.5), (float)(random.NextDouble() - 0.5));
        return samples;
    }
}
