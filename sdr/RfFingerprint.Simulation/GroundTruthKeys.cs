namespace RfFingerprint.Simulation;

/// <summary>
/// SigMF field names (extension namespace <c>rffp</c>) under which the simulator records ground truth.
/// Annotations (one per burst) carry the per-burst facts; the global object carries the devices and the receiver.
/// </summary>
public static class GroundTruthKeys
{
    /// <summary>Annotation label of a simulated LoRa burst.</summary>
    public const string BurstLabel = "lora";

    /// <summary>Index of the device that really sent the burst (integer).</summary>
    public const string DeviceIndex = "rffp:device_index";

    /// <summary>Name of the device that really sent the burst (<c>devNN</c>).</summary>
    public const string DeviceName = "rffp:device";

    /// <summary>DevAddr of the device that really sent the burst (hex, MSB first).</summary>
    public const string DevAddr = "rffp:dev_addr";

    /// <summary>DevAddr written in the frame (differs from <see cref="DevAddr"/> for a spoofed burst).</summary>
    public const string ClaimedDevAddr = "rffp:claimed_dev_addr";

    /// <summary>True when the burst claims another device's DevAddr.</summary>
    public const string Spoofed = "rffp:spoofed";

    /// <summary>Uplink frame counter.</summary>
    public const string FrameCounter = "rffp:fcnt";

    /// <summary>LoRaWAN PHYPayload (hex).</summary>
    public const string PhyPayload = "rffp:phy_payload";

    /// <summary>Spreading factor.</summary>
    public const string SpreadingFactor = "rffp:sf";

    /// <summary>Bandwidth in Hz.</summary>
    public const string BandwidthHz = "rffp:bw_hz";

    /// <summary>Coding rate index (1 to 4 = 4/5 to 4/8).</summary>
    public const string CodingRate = "rffp:cr";

    /// <summary>In-band SNR in dB.</summary>
    public const string SnrDb = "rffp:snr_db";

    /// <summary>Carrier offset the receiver sees: transmitter offset minus receiver LO offset, Hz.</summary>
    public const string TrueCfoHz = "rffp:true_cfo_hz";

    /// <summary>Transmitter's own carrier offset (crystal + warm-up + temperature), Hz.</summary>
    public const string DeviceCfoHz = "rffp:device_cfo_hz";

    /// <summary>Seconds since the device was switched on.</summary>
    public const string SecondsSincePowerOn = "rffp:seconds_since_power_on";

    /// <summary>Ambient temperature offset, kelvin.</summary>
    public const string TemperatureOffsetKelvin = "rffp:temperature_offset_k";

    /// <summary>Channel realisation: object with k_factor, rms_delay_ns, max_doppler_hz (absent when multipath is off).</summary>
    public const string Channel = "rffp:channel";

    /// <summary>Samples of the burst's preamble (8 up-chirps), from the annotation start.</summary>
    public const string PreambleSamples = "rffp:preamble_samples";

    /// <summary>Global: the simulation settings (seeds, SNR, impairments...).</summary>
    public const string Simulation = "rffp:simulation";

    /// <summary>Global: array of the devices heard (index, name, dev_addr, keys, hardware).</summary>
    public const string Devices = "rffp:devices";

    /// <summary>Global: the receiver's parameters.</summary>
    public const string Receiver = "rffp:receiver";
}
