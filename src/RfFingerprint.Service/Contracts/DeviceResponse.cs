using System.Globalization;
using RfFingerprint.Registry.Entities;

namespace RfFingerprint.Service.Contracts;

/// <summary>A device as the API returns it.</summary>
/// <param name="Id">Registry id.</param>
/// <param name="Name">Unique name.</param>
/// <param name="DevEui">DevEUI, 16 upper-case hex digits, or null.</param>
/// <param name="DevAddrs">DevAddrs known for the device, 8 hex digits each, MSB first.</param>
/// <param name="HardwareNotes">Free text about the hardware.</param>
/// <param name="Status">"active" or "revoked".</param>
/// <param name="CreatedUtc">When the device was registered.</param>
/// <param name="UpdatedUtc">When the device last changed.</param>
public sealed record DeviceResponse(
    long Id,
    string Name,
    string? DevEui,
    IReadOnlyList<string> DevAddrs,
    string? HardwareNotes,
    string Status,
    DateTimeOffset CreatedUtc,
    DateTimeOffset UpdatedUtc)
{
    /// <summary>Maps a registry row.</summary>
    public static DeviceResponse From(Device device) => new(
        device.Id,
        device.Name,
        device.DevEui,
        device.Addresses.Select(a => FormatDevAddr(a.DevAddr)).ToList(),
        device.HardwareNotes,
        device.Status == DeviceStatus.Active ? "active" : "revoked",
        device.CreatedUtc,
        device.UpdatedUtc);

    /// <summary>A DevAddr as 8 upper-case hex digits, MSB first (e.g. 49BE7DF1).</summary>
    public static string FormatDevAddr(uint devAddr) => devAddr.ToString("X8", CultureInfo.InvariantCulture);
}
