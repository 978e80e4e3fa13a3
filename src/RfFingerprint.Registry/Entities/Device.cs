namespace RfFingerprint.Registry.Entities;

/// <summary>A transmitter the registry knows by name, with the LoRaWAN identities it has used.</summary>
public sealed class Device
{
    /// <summary>Database key.</summary>
    public long Id { get; set; }

    /// <summary>Unique operator-chosen name (case-sensitive).</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>LoRaWAN DevEUI as 16 upper-case hex digits, MSB first; null when unknown.</summary>
    public string? DevEui { get; set; }

    /// <summary>Free text about the hardware (board, radio chip, antenna).</summary>
    public string? HardwareNotes { get; set; }

    /// <summary>Active or revoked.</summary>
    public DeviceStatus Status { get; set; }

    /// <summary>When the device was first registered (UTC).</summary>
    public DateTimeOffset CreatedUtc { get; set; }

    /// <summary>When the device row last changed (UTC).</summary>
    public DateTimeOffset UpdatedUtc { get; set; }

    /// <summary>
    /// LoRaWAN DevAddrs seen for this device (a DevAddr belongs to at most one device; registering it for
    /// another device moves it). Ascending order.
    /// </summary>
    public List<DeviceAddress> Addresses { get; set; } = [];
}
