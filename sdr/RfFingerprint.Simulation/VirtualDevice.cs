using RfFingerprint.Simulation.Hardware;

namespace RfFingerprint.Simulation;

/// <summary>One simulated LoRaWAN end device: its identity, session keys and hardware, all fixed by its seed.</summary>
/// <param name="Index">Position in the population (device i is the same for every population size above i).</param>
/// <param name="Seed">The device's seed, derived from the population seed and <paramref name="Index"/>.</param>
/// <param name="DevAddr">ABP device address (NetID 0x13 prefix, 0x26/0x27).</param>
/// <param name="NwkSKey">Network session key (16 bytes).</param>
/// <param name="AppSKey">Application session key (16 bytes).</param>
/// <param name="Hardware">Analog parameters.</param>
public sealed record VirtualDevice(int Index, ulong Seed, uint DevAddr, byte[] NwkSKey, byte[] AppSKey, DeviceHardware Hardware)
{
    /// <summary>Name used for files and labels: <c>dev</c> and the index with at least two digits.</summary>
    public string Name => $"dev{Index:00}";

    /// <summary>DevAddr printed most significant byte first, e.g. <c>26011A2B</c>.</summary>
    public string DevAddrHex => FormatDevAddr(DevAddr);

    /// <summary>Formats a DevAddr most significant byte first, upper-case hex.</summary>
    public static string FormatDevAddr(uint devAddr) => devAddr.ToString("X8", System.Globalization.CultureInfo.InvariantCulture);
}
