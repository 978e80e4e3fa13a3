using RfFingerprint.Simulation.Randomness;

namespace RfFingerprint.Simulation.Hardware;

/// <summary>Everything analog that makes one virtual transmitter different from its siblings; fixed for life.</summary>
public sealed record DeviceHardware(OscillatorParameters Oscillator, PllParameters Pll, PowerAmplifierParameters PowerAmplifier)
{
    /// <summary>Draws a device's hardware from its seed (each part from its own child seed, so adding a part never changes the others).</summary>
    public static DeviceHardware Draw(ulong deviceSeed) => new(
        OscillatorParameters.Draw(new SeededRandom(SeedTree.Derive(deviceSeed, "oscillator"))),
        PllParameters.Draw(new SeededRandom(SeedTree.Derive(deviceSeed, "pll"))),
        PowerAmplifierParameters.Draw(new SeededRandom(SeedTree.Derive(deviceSeed, "pa"))));
}
