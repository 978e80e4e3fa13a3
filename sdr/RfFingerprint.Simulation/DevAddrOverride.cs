namespace RfFingerprint.Simulation;

/// <summary>Makes burst <paramref name="BurstIndex"/> of device <paramref name="DeviceIndex"/> claim another DevAddr (a spoofing attempt).</summary>
public sealed record DevAddrOverride(int DeviceIndex, int BurstIndex, uint DevAddr);
