using MathNet.Numerics;

namespace RfFingerprint.Fingerprinting.Tests;

/// <summary>Deterministic test signals: tones and LoRa up-chirps built from their definitions.</summary>
internal static class TestSignals
{
    public static Complex32[] Tone(int length, double frequencyHz, double sampleRateHz, double amplitude = 1, double phaseRad = 0)
    {
        var x = new Complex32[length];
        for (int n = 0; n < length; n++)
        {
            double phase = (2 * Math.PI * frequencyHz * n / sampleRateHz) + phaseRad;
            x[n] = new Complex32((float)(amplitude * Math.Cos(phase)), (float)(amplitude * Math.Sin(phase)));
        }

        return x;
    }

    /// <summary>Consecutive base up-chirps: instantaneous frequency rises linearly from -BW/2 to +BW/2 over each symbol.</summary>
    public static Complex32[] UpChirps(int symbols, int spreadingFactor, double bandwidthHz, double sampleRateHz)
    {
        int samplesPerSymbol = (1 << spreadingFactor) * (int)Math.Round(sampleRateHz / bandwidthHz);
        var x = new Complex32[symbols * samplesPerSymbol];
        double phase = 0;
        for (int n = 0; n < x.Length; n++)
        {
            double frequencyHz = -bandwidthHz / 2 + (bandwidthHz * (n % samplesPerSymbol) / samplesPerSymbol);
            x[n] = new Complex32((float)Math.Cos(phase), (float)Math.Sin(phase));
            phase += 2 * Math.PI * frequencyHz / sampleRateHz;
        }

        return x;
    }

    /// <summary>x[n] * gain * exp(j 2 pi cfoHz n / fs): a carrier offset and a constant complex channel gain.</summary>
    public static Complex32[] Impair(ReadOnlySpan<Complex32> x, double cfoHz, double sampleRateHz, Complex32 gain)
    {
        var y = new Complex32[x.Length];
        for (int n = 0; n < x.Length; n++)
        {
            double phase = 2 * Math.PI * cfoHz * n / sampleRateHz;
            y[n] = x[n] * gain * new Complex32((float)Math.Cos(phase), (float)Math.Sin(phase));
        }

        return y;
    }

    public static float MaxAbsDifference(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        float max = 0;
        for (int i = 0; i < a.Length; i++)
            max = Math.Max(max, Math.Abs(a[i] - b[i]));
        return max;
    }
}
