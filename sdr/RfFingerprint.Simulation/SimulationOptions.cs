using RfFingerprint.Sdr.SigMF;
using RfFingerprint.Simulation.Channel;
using RfFingerprint.Simulation.Receiver;

namespace RfFingerprint.Simulation;

/// <summary>What <see cref="SimulationRunner"/> simulates and where it writes.</summary>
public sealed record SimulationOptions
{
    /// <summary>Number of devices (indices 0 … Devices−1) when <see cref="DeviceIndices"/> is not set.</summary>
    public int Devices { get; init; } = 20;

    /// <summary>Explicit device indices to render instead of 0 … Devices−1 (e.g. only a rogue device).</summary>
    public IReadOnlyList<int>? DeviceIndices { get; init; }

    /// <summary>Bursts in each device's recording.</summary>
    public int BurstsPerDevice { get; init; } = 50;

    /// <summary>Population seed: fixes every device's identity and hardware, and the receiver.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Session seed: fixes payloads, burst timing, channel realisations and noise.</summary>
    public ulong Session { get; init; } = 1;

    /// <summary>In-band SNR in dB (signal power over noise power within the LoRa bandwidth).</summary>
    public double SnrDb { get; init; } = 30;

    /// <summary>Per-burst SNR is drawn uniformly from SnrDb ± SnrSpreadDb.</summary>
    public double SnrSpreadDb { get; init; }

    /// <summary>Minutes since the devices were switched on when the session starts (0 = cold start: the warm-up drift is seen).</summary>
    public double MinutesSincePowerOn { get; init; }

    /// <summary>Mean time between a device's bursts (virtual time: it drives drift and the capture time stamps; the file holds only short gaps).</summary>
    public double BurstIntervalSeconds { get; init; } = 20;

    /// <summary>Spreading factors; burst k of a device uses SpreadingFactors[k mod Count].</summary>
    public IReadOnlyList<int> SpreadingFactors { get; init; } = [7];

    /// <summary>LoRa bandwidth.</summary>
    public double BandwidthHz { get; init; } = 125_000;

    /// <summary>Complex sample rate, an integer multiple of the bandwidth.</summary>
    public double SampleRateHz { get; init; } = 1_000_000;

    /// <summary>Carrier frequency (EU868 channel 868.1 MHz by default).</summary>
    public double CarrierHz { get; init; } = 868.1e6;

    /// <summary>Coding rate index 1 to 4 (4/5 to 4/8).</summary>
    public int CodingRate { get; init; } = 1;

    /// <summary>Smallest application payload in bytes.</summary>
    public int PayloadBytesMin { get; init; } = 8;

    /// <summary>Largest application payload in bytes.</summary>
    public int PayloadBytesMax { get; init; } = 20;

    /// <summary>Shortest noise gap before each burst.</summary>
    public double GapMinSeconds { get; init; } = 0.01;

    /// <summary>Longest noise gap before each burst.</summary>
    public double GapMaxSeconds { get; init; } = 0.03;

    /// <summary>Directory the recordings are written to (created if missing).</summary>
    public string OutputDirectory { get; init; } = ".";

    /// <summary>Sample datatype of the recordings (cf32_le, or ci16_le at half the size).</summary>
    public SigMFDatatype Datatype { get; init; } = SigMFDatatype.Cf32Le;

    /// <summary>Transmitter and receiver impairments that are on.</summary>
    public Impairments Impairments { get; init; } = Impairments.All;

    /// <summary>Channel effects and their ranges.</summary>
    public ChannelOptions Channel { get; init; } = ChannelOptions.Default;

    /// <summary>The receiver; null draws it from the population seed.</summary>
    public ReceiverParameters? Receiver { get; init; }

    /// <summary>Bursts that claim a DevAddr other than their device's (per-device recordings).</summary>
    public IReadOnlyList<DevAddrOverride> DevAddrOverrides { get; init; } = [];

    /// <summary>UTC time of the session start (capture time stamps count from it).</summary>
    public DateTimeOffset StartTimeUtc { get; init; } = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Relative per-burst jitter of the PLL parameters (the device's shape stays, its size breathes a little).</summary>
    public double PllJitter { get; init; } = 0.02;

    /// <summary>Devices rendered in parallel (each writes its own file, so the output does not depend on it).</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentException">A value is out of range (the message names it).</exception>
    public SimulationOptions Validate()
    {
        if (DeviceIndices is null && Devices <= 0)
        {
            throw new ArgumentException("Devices must be positive.", nameof(Devices));
        }

        if (DeviceIndices is { } indices && (indices.Count == 0 || indices.Any(i => i < 0) || indices.Distinct().Count() != indices.Count))
        {
            throw new ArgumentException("DeviceIndices must be distinct, non-negative and not empty.", nameof(DeviceIndices));
        }

        if (BurstsPerDevice <= 0)
        {
            throw new ArgumentException("BurstsPerDevice must be positive.", nameof(BurstsPerDevice));
        }

        if (SpreadingFactors.Count == 0 || SpreadingFactors.Any(sf => sf is < 7 or > 12))
        {
            throw new ArgumentException("SpreadingFactors must hold values 7 to 12.", nameof(SpreadingFactors));
        }

        if (PayloadBytesMin < 0 || PayloadBytesMax < PayloadBytesMin || PayloadBytesMax > 222)
        {
            throw new ArgumentException("Payload sizes must satisfy 0 <= PayloadBytesMin <= PayloadBytesMax <= 222.", nameof(PayloadBytesMax));
        }

        if (!(GapMinSeconds >= 0) || GapMaxSeconds < GapMinSeconds)
        {
            throw new ArgumentException("Gaps must satisfy 0 <= GapMinSeconds <= GapMaxSeconds.", nameof(GapMaxSeconds));
        }

        if (!(BurstIntervalSeconds >= 0) || !(MinutesSincePowerOn >= 0))
        {
            throw new ArgumentException("BurstIntervalSeconds and MinutesSincePowerOn must not be negative.", nameof(BurstIntervalSeconds));
        }

        if (!double.IsFinite(SnrDb) || SnrSpreadDb < 0)
        {
            throw new ArgumentException("SnrDb must be finite and SnrSpreadDb not negative.", nameof(SnrDb));
        }

        if (Datatype != SigMFDatatype.Cf32Le && Datatype != SigMFDatatype.Ci16Le)
        {
            throw new ArgumentException("Datatype must be cf32_le or ci16_le.", nameof(Datatype));
        }

        if (string.IsNullOrEmpty(OutputDirectory))
        {
            throw new ArgumentException("OutputDirectory is required.", nameof(OutputDirectory));
        }

        foreach (int sf in SpreadingFactors)
        {
            LoraParametersFor(sf).Validate();
        }

        return this;
    }

    /// <summary>The LoRa PHY settings used for spreading factor <paramref name="spreadingFactor"/>.</summary>
    public Lora.LoraParameters LoraParametersFor(int spreadingFactor) => new()
    {
        SpreadingFactor = spreadingFactor,
        BandwidthHz = BandwidthHz,
        SampleRateHz = SampleRateHz,
        CodingRate = CodingRate,
        HasCrc = true,
        SyncWord = 0x34,
        PreambleSymbols = 8,
    };

    internal IReadOnlyList<int> ResolvedDeviceIndices => DeviceIndices ?? Enumerable.Range(0, Devices).ToArray();
}
