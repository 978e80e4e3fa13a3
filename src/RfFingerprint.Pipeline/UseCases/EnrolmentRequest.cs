namespace RfFingerprint.Pipeline.UseCases;

/// <summary>Enrol (or re-enrol) one device from recordings of it.</summary>
/// <param name="DeviceName">The device's name in the registry (created if new).</param>
/// <param name="Captures">Recordings (.sigmf-meta/.sigmf-data/.sigmf) holding the device's bursts.</param>
/// <param name="DevEui">The DevEUI the device may claim, if known beforehand (hex, MSB first).</param>
/// <param name="DevAddrs">DevAddrs the device may claim, if known beforehand; those its frames carry are learnt as well.</param>
public sealed record EnrolmentRequest(string DeviceName, IReadOnlyList<string> Captures, string? DevEui = null, IReadOnlyList<uint>? DevAddrs = null);
