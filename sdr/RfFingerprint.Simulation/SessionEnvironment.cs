using RfFingerprint.Simulation.Randomness;

namespace RfFingerprint.Simulation;

/// <summary>
/// Conditions of one recording session: the ambient temperature offset from the devices' reference
/// temperature, wandering slowly: ΔT(t) = OffsetKelvin + WanderKelvin·sin(2π·t/WanderPeriodSeconds + WanderPhaseRad).
/// </summary>
public sealed record SessionEnvironment(double OffsetKelvin, double WanderKelvin, double WanderPeriodSeconds, double WanderPhaseRad)
{
    /// <summary>Draws a session: offset N(0, 1 K), wander 0 to 0.5 K over 20 to 60 minutes.</summary>
    public static SessionEnvironment Draw(ulong sessionSeed)
    {
        var random = new SeededRandom(SeedTree.Derive(sessionSeed, "environment"));
        return new SessionEnvironment(random.Gaussian(0, 1), random.Uniform(0, 0.5), random.Uniform(1200, 3600), random.Uniform(0, 2 * Math.PI));
    }

    /// <summary>Temperature offset in kelvin at <paramref name="seconds"/> into the session.</summary>
    public double TemperatureOffsetKelvin(double seconds) =>
        OffsetKelvin + (WanderKelvin * Math.Sin((2 * Math.PI * seconds / WanderPeriodSeconds) + WanderPhaseRad));
}
