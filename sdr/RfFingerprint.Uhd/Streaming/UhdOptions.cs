using RfFingerprint.Uhd.Device;

namespace RfFingerprint.Uhd.Streaming;

/// <summary>Settings of a <see cref="UhdIqSource"/>, bound from the configuration section <see cref="SectionName"/>.</summary>
public sealed class UhdOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Uhd";

    /// <summary>UHD device arguments. Give an address: without one UHD broadcasts on every network to find devices.</summary>
    public string Args { get; set; } = "addr=192.168.10.2";

    /// <summary>Requested RX sample rate; the device uses the nearest it supports (N210: 100 MHz / even N).</summary>
    public double SampleRateHz { get; set; } = 1_000_000;

    /// <summary>Requested RX centre frequency.</summary>
    public double CenterFrequencyHz { get; set; } = 868_100_000;

    /// <summary>RX antenna ("RX2" or "TX/RX" on N210 daughterboards); empty keeps the device default.</summary>
    public string Antenna { get; set; } = "RX2";

    /// <summary>RX gain over all stages (SBX/WBX/UBX: 0 to 31.5 dB in 0.5 dB steps).</summary>
    public double GainDb { get; set; } = 20;

    /// <summary>RX analog filter bandwidth; null leaves the daughterboard's default.</summary>
    public double? BandwidthHz { get; set; }

    /// <summary>Over-the-wire sample format: "sc16" or "sc8".</summary>
    public string WireFormat { get; set; } = UhdWireFormat.Sc16;

    /// <summary>Device channel to receive from.</summary>
    public int Channel { get; set; }

    /// <summary>Samples per delivered block (about 16 ms at 1 MS/s for the default).</summary>
    public int BlockSamples { get; set; } = 16_384;

    /// <summary>Blocks the receive thread may hold for a slow consumer before it drops samples.</summary>
    public int QueueBlocks { get; set; } = 64;

    /// <summary>How long one receive call waits for a packet.</summary>
    public double ReceiveTimeoutSeconds { get; set; } = 0.5;

    /// <summary>Consecutive receive timeouts adding up to this long mean the device is lost and is reopened.</summary>
    public double StallTimeoutSeconds { get; set; } = 3;

    /// <summary>Retries after a failed attempt to open the device (so at most this + 1 attempts in a row).</summary>
    public int MaxRetryAttempts { get; set; } = 5;

    /// <summary>Delay before the first retry; it doubles with each further retry (with jitter) up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest delay between retries.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Set the device clock to the host's UTC clock when opening, so that receive time stamps are UTC
    /// (to the accuracy of the host clock and the network delay) and gaps across reconnections can be measured.
    /// </summary>
    public bool SetDeviceTimeFromHostClock { get; set; } = true;

    /// <summary>Path of libuhd; empty uses <c>RFFP_UHD_LIBRARY</c> or the system's <c>libuhd.so.4.3.0</c>.</summary>
    public string? LibraryPath { get; set; }

    /// <summary>Checks every value.</summary>
    /// <exception cref="ArgumentException">A value is out of range; the message names the option.</exception>
    public void Validate()
    {
        // Empty arguments would make UHD broadcast on every network interface to discover devices.
        Require(!string.IsNullOrWhiteSpace(Args), nameof(Args), "must name the device (e.g. \"addr=192.168.10.2\"); empty arguments make UHD broadcast to discover devices");
        Require(double.IsFinite(SampleRateHz) && SampleRateHz > 0, nameof(SampleRateHz), "must be a positive number");
        Require(double.IsFinite(CenterFrequencyHz) && CenterFrequencyHz > 0, nameof(CenterFrequencyHz), "must be a positive number");
        Require(Antenna is not null, nameof(Antenna), "must not be null");
        Require(double.IsFinite(GainDb), nameof(GainDb), "must be a finite number");
        Require(BandwidthHz is null || (double.IsFinite(BandwidthHz.Value) && BandwidthHz.Value > 0), nameof(BandwidthHz), "must be a positive number or empty");
        Require(UhdWireFormat.IsSupported(WireFormat), nameof(WireFormat), $"must be \"{UhdWireFormat.Sc16}\" or \"{UhdWireFormat.Sc8}\"");
        Require(Channel >= 0, nameof(Channel), "must be >= 0");
        Require(BlockSamples is >= 1 and <= 1 << 24, nameof(BlockSamples), "must be between 1 and 16777216");
        Require(QueueBlocks is >= 1 and <= 65_536, nameof(QueueBlocks), "must be between 1 and 65536");
        Require(double.IsFinite(ReceiveTimeoutSeconds) && ReceiveTimeoutSeconds > 0, nameof(ReceiveTimeoutSeconds), "must be a positive number");
        Require(double.IsFinite(StallTimeoutSeconds) && StallTimeoutSeconds >= ReceiveTimeoutSeconds, nameof(StallTimeoutSeconds), "must be at least ReceiveTimeoutSeconds");
        Require(MaxRetryAttempts >= 0, nameof(MaxRetryAttempts), "must be >= 0");
        Require(RetryDelay >= TimeSpan.Zero, nameof(RetryDelay), "must not be negative");
        Require(MaxRetryDelay >= RetryDelay, nameof(MaxRetryDelay), "must be at least RetryDelay");
    }

    private static void Require(bool condition, string option, string rule)
    {
        if (!condition)
        {
            throw new ArgumentException($"Uhd option {option} {rule}.", option);
        }
    }
}
