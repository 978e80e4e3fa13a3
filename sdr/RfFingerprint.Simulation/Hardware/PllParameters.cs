using RfFingerprint.Simulation.Randomness;

namespace RfFingerprint.Simulation.Hardware;

/// <summary>
/// How a device's fractional-N PLL departs from the ideal linear chirp: a smooth, static error along the
/// sweep, a small periodic ripple, and a damped overshoot after every frequency wrap.
/// </summary>
/// <remarks>
/// With x ∈ [−1, 1] the position along the sweep (−1 at the chirp's low edge, +1 at its high edge, mirrored
/// for down-chirps) and t the time since the last wrap, the deviation in Hz is
/// <c>Linear·x + Quadratic·(3x² − 1)/2 + Cubic·(5x³ − 3x)/2 + RippleHz·sin(π·RippleCycles·(x + 1) + RipplePhaseRad)
/// − s·OvershootHz·e^(−t/SettlingTauSeconds)·cos(2π·RingingHz·t + RingingPhaseRad)</c>,
/// with s = +1 for up-chirps (the wrap steps down by BW, the loop undershoots) and −1 for down-chirps.
/// The Legendre polynomials keep the static terms free of a mean (which would be CFO) so they shape the chirp
/// without moving it. Down-chirps use the same terms scaled by <see cref="DownChirpScale"/>.
/// </remarks>
public sealed record PllParameters(
    double LinearHz,
    double QuadraticHz,
    double CubicHz,
    double RippleHz,
    double RippleCycles,
    double RipplePhaseRad,
    double OvershootHz,
    double SettlingTauSeconds,
    double RingingHz,
    double RingingPhaseRad,
    double DownChirpScale)
{
    /// <summary>Draws a device's PLL behaviour (ranges in sdr/README.md).</summary>
    public static PllParameters Draw(SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return new PllParameters(
            LinearHz: random.Gaussian(0, 600),
            QuadraticHz: random.Gaussian(0, 1500),
            CubicHz: random.Gaussian(0, 1000),
            RippleHz: random.Uniform(300, 1500),
            RippleCycles: 1 + random.NextInt(4),
            RipplePhaseRad: random.Uniform(0, 2 * Math.PI),
            OvershootHz: random.Uniform(5_000, 20_000),
            SettlingTauSeconds: random.Uniform(5e-6, 20e-6),
            RingingHz: random.Uniform(40e3, 150e3),
            RingingPhaseRad: random.Uniform(-0.5, 0.5),
            DownChirpScale: random.Uniform(0.8, 1.2));
    }

    /// <summary>
    /// A copy for one burst: every term varied by a relative Gaussian factor of <paramref name="relativeSigma"/>
    /// (supply and temperature change from burst to burst; the shape stays the device's).
    /// </summary>
    public PllParameters Jittered(SeededRandom random, double relativeSigma)
    {
        ArgumentNullException.ThrowIfNull(random);
        double J(double value) => value * (1 + random.Gaussian(0, relativeSigma));
        return this with
        {
            LinearHz = J(LinearHz),
            QuadraticHz = J(QuadraticHz),
            CubicHz = J(CubicHz),
            RippleHz = J(RippleHz),
            OvershootHz = J(OvershootHz),
            SettlingTauSeconds = J(SettlingTauSeconds),
        };
    }
}
