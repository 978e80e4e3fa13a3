namespace RfFingerprint.Fingerprinting.Decisions;

/// <summary>The identity a packet claims, and the enrolled device the registry maps it to.</summary>
/// <param name="Text">As decoded, for display, e.g. <c>DevAddr 49BE7DF1</c> or <c>DevEUI 70B3D57ED0000001</c>.</param>
/// <param name="DeviceId">The device the registry knows under that identity, or null when none.</param>
public sealed record ClaimedIdentity(string Text, string? DeviceId);
