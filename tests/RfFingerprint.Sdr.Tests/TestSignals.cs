using MathNet.Numerics;

namespace RfFingerprint.Sdr.Tests;

internal static class TestSignals
{
    /// <summary>Seeded complex samples with components uniform in (-amplitude, amplitude).</summary>
    public static Complex32[] Random(int count, int seed, float amplitude = 0.9f)
    {
        var random = new Random(seed);
        var samples = new Complex32[count];
        for (int i = 0; i < count; i++)
        {
            samples[i] = new Complex32(
                (float)((random.NextDouble() * 2) - 1) * amplitude,
                (float)((random.NextDouble() * 2) - 1) * amplitude);
        }

        return samples;
    }

    /// <summary>Samples whose value encodes their index, so order and duplicates are visible.</summary>
    public static Complex32[] Ramp(int count)
    {
        var samples = new Complex32[count];
        for (int i = 0; i < count; i++)
        {
            samples[i] = new Complex32(i, -i);
        }

        return samples;
    }
}
