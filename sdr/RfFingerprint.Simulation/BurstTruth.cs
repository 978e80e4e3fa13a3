using System.Text.Json.Nodes;
using RfFingerprint.Simulation.Channel;

namespace RfFingerprint.Simulation;

/// <summary>Ground truth of one simulated burst (written to its SigMF annotation, keys in <see cref="GroundTruthKeys"/>).</summary>
public sealed record BurstTruth(
    int DeviceIndex,
    string DeviceName,
    uint DevAddr,
    uint ClaimedDevAddr,
    uint FrameCounter,
    byte[] PhyPayload,
    int SpreadingFactor,
    double BandwidthHz,
    int CodingRate,
    double SnrDb,
    double TrueCfoHz,
    double DeviceCfoHz,
    double SecondsSincePowerOn,
    double TemperatureOffsetKelvin,
    MultipathParameters? Channel,
    int PreambleSamples)
{
    /// <summary>True when the frame claims a DevAddr other than the sender's.</summary>
    public bool Spoofed => ClaimedDevAddr != DevAddr;

    /// <summary>The annotation fields.</summary>
    public Dictionary<string, JsonNode?> ToFields()
    {
        var fields = new Dictionary<string, JsonNode?>(StringComparer.Ordinal)
        {
            [GroundTruthKeys.DeviceIndex] = DeviceIndex,
            [GroundTruthKeys.DeviceName] = DeviceName,
            [GroundTruthKeys.DevAddr] = VirtualDevice.FormatDevAddr(DevAddr),
            [GroundTruthKeys.ClaimedDevAddr] = VirtualDevice.FormatDevAddr(ClaimedDevAddr),
            [GroundTruthKeys.Spoofed] = Spoofed,
            [GroundTruthKeys.FrameCounter] = FrameCounter,
            [GroundTruthKeys.PhyPayload] = Convert.ToHexString(PhyPayload),
            [GroundTruthKeys.SpreadingFactor] = SpreadingFactor,
            [GroundTruthKeys.BandwidthHz] = BandwidthHz,
            [GroundTruthKeys.CodingRate] = CodingRate,
            [GroundTruthKeys.SnrDb] = SnrDb,
            [GroundTruthKeys.TrueCfoHz] = Math.Round(TrueCfoHz, 3),
            [GroundTruthKeys.DeviceCfoHz] = Math.Round(DeviceCfoHz, 3),
            [GroundTruthKeys.SecondsSincePowerOn] = Math.Round(SecondsSincePowerOn, 6),
            [GroundTruthKeys.TemperatureOffsetKelvin] = Math.Round(TemperatureOffsetKelvin, 4),
            [GroundTruthKeys.PreambleSamples] = PreambleSamples,
        };
        if (Channel is { } channel)
        {
            fields[GroundTruthKeys.Channel] = new JsonObject
            {
                ["k_factor"] = Math.Round(channel.KFactor, 4),
                ["rms_delay_ns"] = Math.Round(channel.RmsDelaySeconds * 1e9, 3),
                ["max_doppler_hz"] = Math.Round(channel.MaxDopplerHz, 4),
            };
        }

        return fields;
    }
}
