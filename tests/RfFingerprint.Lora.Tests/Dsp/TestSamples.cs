using MathNet.Numerics;

namespace RfFingerprint.Lora.Tests.Dsp;

/// <summary>Seeded random complex samples, real and imaginary parts uniform in [−1, 1).</summary>
internal static class TestSamples
{
    public static Complex32[] Random(int length, int seed)
    {
        var random = new Random(seed);
        var samples = new Complex32[length];
        for (var i = 0; i < length; i++)
        {
            samples[i] = new Complex32((float)((random.NextDouble() * 2) - 1), (float)((random.NextDouble() * 2) - 1));
        }

        return samples;
    }
}
