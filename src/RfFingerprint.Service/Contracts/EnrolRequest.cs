namespace RfFingerprint.Service.Contracts;

/// <summary>Body of <c>POST /api/v1/enrolments</c>: enrol a device from recordings of the capture folder.</summary>
/// <param name="DeviceName">Device name, 1..200 characters (created when new).</param>
/// <param name="Captures">1..64 recording names in the capture folder.</param>
/// <param name="DevEui">DevEUI the device may claim, 16 hex digits, optional.</param>
/// <param name="DevAddrs">DevAddrs the device may claim, 8 hex digits each, optional.</param>
public sealed record EnrolRequest(string? DeviceName, IReadOnlyList<string>? Captures, string? DevEui, IReadOnlyList<string>? DevAddrs);
