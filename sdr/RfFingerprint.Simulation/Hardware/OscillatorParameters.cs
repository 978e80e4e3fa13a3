using RfFingerprint.Simulation.Randomness;

namespace RfFingerprint.Simulation.Hardware;

/// <summary>
/// A transmitter's reference crystal: its static offset, the warm-up drift after power-on, its temperature
/// coefficient and the phase noise of the synthesised carrier.
/// </summary>
/// <remarks>
/// Carrier offset at time t after power-on and ambient temperature offset ΔT (kelvin):
/// <c>cfoHz(t) = carrierHz·CrystalPpm·1e-6 + WarmupFastHz·(1 − e^(−t/WarmupFastTauSeconds))
/// + WarmupSlowHz·(1 − e^(−t/WarmupSlowTauSeconds)) + carrierHz·TemperatureCoefficientPpmPerKelvin·1e-6·ΔT</c>.
/// </remarks>
/// <param name="CrystalPpm">Static frequency error of the crystal in ppm (SX127x designs: ±10 to ±20 ppm parts).</param>
/// <param name="WarmupFastHz">Amplitude of the fast warm-up term (the PA and radio die heating the crystal).</param>
/// <param name="WarmupFastTauSeconds">Time constant of the fast term.</param>
/// <param name="WarmupSlowHz">Amplitude of the slow warm-up term (the board reaching equilibrium).</param>
/// <param name="WarmupSlowTauSeconds">Time constant of the slow term.</param>
/// <param name="TemperatureCoefficientPpmPerKelvin">Local slope of the crystal's frequency-temperature curve near room temperature.</param>
/// <param name="PhaseNoiseLinewidthHz">Lorentzian linewidth of the carrier (Wiener phase noise).</param>
public sealed record OscillatorParameters(
    double CrystalPpm,
    double WarmupFastHz,
    double WarmupFastTauSeconds,
    double WarmupSlowHz,
    double WarmupSlowTauSeconds,
    double TemperatureCoefficientPpmPerKelvin,
    double PhaseNoiseLinewidthHz)
{
    /// <summary>Standard deviation of the crystal offset across a production lot (see sdr/README.md).</summary>
    public const double CrystalSpreadPpm = 1.5;

    /// <summary>Crystal tolerance: offsets are drawn truncated to this range.</summary>
    public const double CrystalTolerancePpm = 20.0;

    /// <summary>Draws a device's oscillator.</summary>
    public static OscillatorParameters Draw(SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        double ppm;
        do
        {
            ppm = random.Gaussian(0, CrystalSpreadPpm);
        }
        while (Math.Abs(ppm) > CrystalTolerancePpm);

        // Most boards warm up in the same direction (the crystal sits on the same side of its turnover
        // point), a few the other way; the total is a few hundred hertz at 868 MHz.
        double direction = random.NextDouble() < 0.8 ? 1.0 : -1.0;
        double totalHz = direction * random.Uniform(150, 600);
        double fastShare = random.Uniform(0.3, 0.7);
        return new OscillatorParameters(
            CrystalPpm: ppm,
            WarmupFastHz: totalHz * fastShare,
            WarmupFastTauSeconds: random.Uniform(20, 90),
            WarmupSlowHz: totalHz * (1 - fastShare),
            WarmupSlowTauSeconds: random.Uniform(150, 600),
            TemperatureCoefficientPpmPerKelvin: random.Uniform(-0.15, 0.15),
            PhaseNoiseLinewidthHz: random.Uniform(2, 30));
    }

    /// <summary>Carrier frequency offset in Hz (formula in the type's remarks).</summary>
    /// <param name="carrierHz">Nominal carrier frequency.</param>
    /// <param name="secondsSincePowerOn">Time since the device was switched on (negative treated as 0).</param>
    /// <param name="temperatureOffsetKelvin">Ambient temperature minus the reference temperature.</param>
    public double CfoHz(double carrierHz, double secondsSincePowerOn, double temperatureOffsetKelvin)
    {
        double t = Math.Max(0, secondsSincePowerOn);
        return (carrierHz * CrystalPpm * 1e-6)
            + (WarmupFastHz * (1 - Math.Exp(-t / WarmupFastTauSeconds)))
            + (WarmupSlowHz * (1 - Math.Exp(-t / WarmupSlowTauSeconds)))
            + (carrierHz * TemperatureCoefficientPpmPerKelvin * 1e-6 * temperatureOffsetKelvin);
    }
}
