namespace RfFingerprint.Lora.Lorawan;

/// <summary>Keys for MIC verification and payload decryption (LoRaWAN 1.0.x); any may be absent.</summary>
/// <param name="NetworkSessionKey">NwkSKey (16 bytes): MIC of data frames, FRMPayload with FPort 0.</param>
/// <param name="ApplicationSessionKey">AppSKey (16 bytes): FRMPayload with FPort 1..223.</param>
/// <param name="ApplicationKey">AppKey (16 bytes): MIC of join-requests.</param>
/// <param name="FrameCounterHigh">Upper 16 bits of the 32-bit frame counter, which are not sent on air.</param>
public sealed record LorawanKeys(byte[]? NetworkSessionKey = null, byte[]? ApplicationSessionKey = null, byte[]? ApplicationKey = null, ushort FrameCounterHigh = 0);
