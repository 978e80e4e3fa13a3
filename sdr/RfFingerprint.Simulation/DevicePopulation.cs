using RfFingerprint.Simulation.Hardware;
using RfFingerprint.Simulation.Randomness;

namespace RfFingerprint.Simulation;

/// <summary>
/// A population of virtual transmitters of the same model. Device i is drawn from
/// <c>SeedTree.Derive(populationSeed, "device", i)</c> alone, so it has the same identity and hardware in
/// every population that contains it.
/// </summary>
public sealed class DevicePopulation
{
    /// <summary>Creates the population for a seed.</summary>
    public DevicePopulation(ulong populationSeed) => Seed = populationSeed;

    /// <summary>The population seed.</summary>
    public ulong Seed { get; }

    /// <summary>Device <paramref name="index"/> (non-negative).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative.</exception>
    public VirtualDevice Device(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ulong seed = SeedTree.Derive(Seed, "device", index);
        var identity = new SeededRandom(SeedTree.Derive(seed, "identity"));
        uint devAddr = 0x26000000u | (uint)(identity.NextUInt64() & 0x01FFFFFFu);
        var nwkSKey = new byte[16];
        var appSKey = new byte[16];
        identity.NextBytes(nwkSKey);
        identity.NextBytes(appSKey);
        return new VirtualDevice(index, seed, devAddr, nwkSKey, appSKey, DeviceHardware.Draw(seed));
    }

    /// <summary>The receiver this population's recordings are made with (drawn from the population seed).</summary>
    public Receiver.ReceiverParameters Receiver(double carrierHz) =>
        Simulation.Receiver.ReceiverParameters.Draw(new SeededRandom(SeedTree.Derive(Seed, "receiver")), carrierHz);
}
