using MathNet.Numerics;
using RfFingerprint.Simulation.Randomness;

namespace RfFingerprint.Simulation.Hardware;

/// <summary>
/// The power amplifier's turn-on: the drive ramps up over <see cref="RampSeconds"/> and passes through the
/// PA's AM/AM (Rapp) and AM/PM (Saleh) curves, so the burst's first microseconds carry a device-specific
/// amplitude and phase trajectory.
/// </summary>
/// <remarks>
/// Drive a(t) = sin²(π/2·(t/RampSeconds)^RampShape) for t &lt; RampSeconds, 1 after. Output
/// <c>A(a) = a / (1 + (a/SaturationAmplitude)^(2·RappSmoothness))^(1/(2·RappSmoothness))</c>,
/// <c>Φ(a) = AmPmAlphaRad·a² / (1 + AmPmBeta·a²)</c>; y = x·A(a)/A(1)·e^(j(Φ(a) − Φ(1))), so the steady state is
/// unchanged (LoRa is constant-envelope: only the ramp exercises the nonlinearity).
/// The SX127x ramp time is set by RegPaRamp (10 µs to 3.4 ms, default 40 µs, Semtech SX1276/77/78/79 datasheet);
/// same-firmware devices share the setting and differ by their analog spread around it.
/// </remarks>
public sealed record PowerAmplifierParameters(
    double RampSeconds,
    double RampShape,
    double SaturationAmplitude,
    double RappSmoothness,
    double AmPmAlphaRad,
    double AmPmBeta)
{
    /// <summary>RegPaRamp default of the SX127x.</summary>
    public const double NominalRampSeconds = 40e-6;

    /// <summary>Draws a device's PA.</summary>
    public static PowerAmplifierParameters Draw(SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return new PowerAmplifierParameters(
            RampSeconds: NominalRampSeconds * random.Uniform(0.8, 1.2),
            RampShape: random.Uniform(0.7, 1.5),
            SaturationAmplitude: random.Uniform(1.1, 1.6),
            RappSmoothness: random.Uniform(2, 4),
            AmPmAlphaRad: random.Uniform(0.05, 0.4),
            AmPmBeta: random.Uniform(0.5, 2));
    }

    /// <summary>Applies the ramp and the PA curves to the start of a burst, in place (formula in the remarks).</summary>
    public void ApplyRamp(Span<Complex32> burst, double sampleRateHz)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRateHz);
        int rampSamples = (int)Math.Min(burst.Length, Math.Ceiling(RampSeconds * sampleRateHz));
        double steadyGain = Gain(1);
        double steadyPhase = Phase(1);
        for (int n = 0; n < rampSamples; n++)
        {
            double s = Math.Sin(Math.PI / 2 * Math.Pow(n / (RampSeconds * sampleRateHz), RampShape));
            double a = s * s;
            double gain = Gain(a) / steadyGain;
            var (sin, cos) = Math.SinCos(Phase(a) - steadyPhase);
            burst[n] *= new Complex32((float)(gain * cos), (float)(gain * sin));
        }
    }

    private double Gain(double a) =>
        a / Math.Pow(1 + Math.Pow(a / SaturationAmplitude, 2 * RappSmoothness), 1 / (2 * RappSmoothness));

    private double Phase(double a) => AmPmAlphaRad * a * a / (1 + (AmPmBeta * a * a));
}
