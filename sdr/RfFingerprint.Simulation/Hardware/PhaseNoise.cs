using MathNet.Numerics;
using RfFingerprint.Simulation.Randomness;

namespace RfFingerprint.Simulation.Hardware;

/// <summary>Wiener (random-walk) phase noise of a free-running oscillator with Lorentzian linewidth.</summary>
public static class PhaseNoise
{
    /// <summary>
    /// y[n] = x[n]·e^(jφ[n]), φ[n] = φ[n−1] + N(0, 2π·linewidthHz / sampleRateHz), φ[−1] = 0.
    /// <paramref name="samples"/> is modified in place.
    /// </summary>
    public static void Apply(Span<Complex32> samples, double linewidthHz, double sampleRateHz, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegative(linewidthHz);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRateHz);
        if (linewidthHz == 0)
        {
            return;
        }

        double sigma = Math.Sqrt(2 * Math.PI * linewidthHz / sampleRateHz);
        double phase = 0;
        for (int n = 0; n < samples.Length; n++)
        {
            phase += sigma * random.Gaussian();
            var (sin, cos) = Math.SinCos(phase);
            samples[n] *= new Complex32((float)cos, (float)sin);
        }
    }
}
