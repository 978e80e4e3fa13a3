namespace RfFingerprint.Registry.Entities;

/// <summary>One LoRaWAN DevAddr known for a device.</summary>
public sealed class DeviceAddress
{
    /// <summary>The 32-bit DevAddr; printed MSB first as 8 hex digits (e.g. 49BE7DF1).</summary>
    public uint DevAddr { get; set; }

    /// <summary>Owning device.</summary>
    public long DeviceId { get; set; }

    /// <summary>When the address was attached to the device (UTC).</summary>
    public DateTimeOffset AddedUtc { get; set; }
}
