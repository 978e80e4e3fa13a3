using MathNet.Numerics;

namespace RfFingerprint.Simulation.Hardware;

/// <summary>Mixing by a constant frequency.</summary>
public static class FrequencyShift
{
    /// <summary>
    /// y[n] = x[n]·e^(j(2π·frequencyHz·(n + firstSampleIndex)/sampleRateHz + phaseRad)), in place.
    /// The phase is computed from the absolute index (no accumulated rounding error).
    /// </summary>
    public static void Apply(Span<Complex32> samples, double frequencyHz, double sampleRateHz, long firstSampleIndex = 0, double phaseRad = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRateHz);
        double cyclesPerSample = frequencyHz / sampleRateHz;
        for (int n = 0; n < samples.Length; n++)
        {
            double cycles = cyclesPerSample * (n + firstSampleIndex);
            cycles -= Math.Floor(cycles);
            var (sin, cos) = Math.SinCos((2 * Math.PI * cycles) + phaseRad);
            samples[n] *= new Complex32((float)cos, (float)sin);
        }
    }
}
