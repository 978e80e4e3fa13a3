namespace RfFingerprint.Lora.Coding;

/// <summary>Outcome of decoding the symbols of one frame.</summary>
/// <param name="Status">Whether the header and payload could be decoded.</param>
/// <param name="Header">Header as received (explicit) or as configured (implicit); default when the header failed.</param>
/// <param name="CrcOk">CRC verdict: null when the frame carries no CRC or the payload was not decoded.</param>
/// <param name="CorrectedBits">Codeword bits the Hamming decoder corrected.</param>
/// <param name="DetectedErrors">Codewords with an error the code could detect but not correct.</param>
public readonly record struct LoraDecodeResult(LoraDecodeStatus Status, LoraHeader Header, bool? CrcOk, int CorrectedBits, int DetectedErrors);
