namespace RfFingerprint.Lora.Coding;

/// <summary>Contents of an explicit LoRa PHY header.</summary>
/// <param name="PayloadLength">Payload length in bytes, 0 to 255 (CRC not included).</param>
/// <param name="CodingRate">Coding rate index 1 to 4 (4/5 to 4/8) of the payload.</param>
/// <param name="HasCrc">Whether a CRC-16 follows the payload.</param>
public readonly record struct LoraHeader(int PayloadLength, int CodingRate, bool HasCrc);
