namespace RfFingerprint.Uhd.Device;

/// <summary>How to build an RX stream: one channel, fc32 (<see cref="MathNet.Numerics.Complex32"/>) on the host.</summary>
public sealed record UhdStreamArgs
{
    /// <summary>Host-side format; fixed because <see cref="UhdRxStreamer.Receive"/> writes <see cref="MathNet.Numerics.Complex32"/>.</summary>
    public const string CpuFormat = "fc32";

    /// <summary>Over-the-wire format, <see cref="UhdWireFormat.Sc16"/> or <see cref="UhdWireFormat.Sc8"/>.</summary>
    public string WireFormat { get; init; } = UhdWireFormat.Sc16;

    /// <summary>Channel index on the device.</summary>
    public int Channel { get; init; }

    /// <summary>Extra stream arguments for UHD (e.g. "spp=1000"), or empty.</summary>
    public string Args { get; init; } = string.Empty;

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentException">The wire format is not supported or the channel is negative.</exception>
    public void Validate()
    {
        if (!UhdWireFormat.IsSupported(WireFormat))
        {
            throw new ArgumentException($"Wire format must be \"{UhdWireFormat.Sc16}\" or \"{UhdWireFormat.Sc8}\", got \"{WireFormat}\".", nameof(WireFormat));
        }

        if (Channel < 0)
        {
            throw new ArgumentException($"Channel must be >= 0, got {Channel}.", nameof(Channel));
        }

        ArgumentNullException.ThrowIfNull(Args, nameof(Args));
    }
}
