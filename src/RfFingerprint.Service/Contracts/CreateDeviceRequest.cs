namespace RfFingerprint.Service.Contracts;

/// <summary>Body of <c>POST /api/v1/devices</c>: creates the device, or updates the one with this name.</summary>
/// <param name="Name">Unique name, 1..200 characters.</param>
/// <param name="DevEui">DevEUI, 16 hex digits (':' or '-' separators allowed), optional.</param>
/// <param name="DevAddrs">DevAddrs, 8 hex digits each, optional.</param>
/// <param name="HardwareNotes">Free text about the hardware, at most 2000 characters.</param>
public sealed record CreateDeviceRequest(string? Name, string? DevEui, IReadOnlyList<string>? DevAddrs, string? HardwareNotes);
