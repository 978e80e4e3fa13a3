namespace RfFingerprint.Simulation;

/// <summary>
/// One burst of a mixed traffic recording: sent by device <paramref name="DeviceIndex"/>, claiming the DevAddr of
/// device <paramref name="ClaimedDeviceIndex"/> when set (a device pretending to be another), else its own.
/// </summary>
public sealed record TrafficBurst(int DeviceIndex, int? ClaimedDeviceIndex = null)
{
    /// <summary>Builds the demo scenario: <paramref name="burstsPerDevice"/> bursts from each enrolled device and the rogue
    /// device, interleaved round-robin, then one burst from <paramref name="spooferIndex"/> claiming <paramref name="victimIndex"/>'s DevAddr.</summary>
    public static IReadOnlyList<TrafficBurst> DemoScenario(IReadOnlyList<int> enrolledDevices, int rogueDevice, int spooferIndex, int victimIndex, int burstsPerDevice)
    {
        ArgumentNullException.ThrowIfNull(enrolledDevices);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(burstsPerDevice);
        var bursts = new List<TrafficBurst>();
        for (int k = 0; k < burstsPerDevice; k++)
        {
            bursts.AddRange(enrolledDevices.Select(d => new TrafficBurst(d)));
            bursts.Add(new TrafficBurst(rogueDevice));
        }

        bursts.Add(new TrafficBurst(spooferIndex, victimIndex));
        return bursts;
    }
}
