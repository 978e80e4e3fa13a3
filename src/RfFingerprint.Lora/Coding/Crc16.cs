namespace RfFingerprint.Lora.Coding;

/// <summary>The LoRa payload CRC.</summary>
/// <remarks>
/// CRC-16/CCITT (polynomial 0x1021, initial value 0, MSB first, no reflection). As observed on SX127x frames and
/// described for gr-lora_sdr (Tapparel et al., SPAWC 2020), the radio runs it over all but the last two payload
/// bytes and XORs the result with those two bytes (second-to-last into the high byte); the CRC is computed over
/// the un-whitened payload and sent after it, unwhitened, low byte first (low nibble first).
/// For payloads shorter than two bytes the same rule is applied with the missing bytes taken as absent
/// (the CRC of nothing is 0); no public description of those cases was found.
/// </remarks>
public static class Crc16
{
    private static readonly ushort[] Table = BuildTable();

    /// <summary>Plain CRC-16/CCITT (poly 0x1021, init <paramref name="initial"/>) of <paramref name="data"/>.</summary>
    public static ushort Ccitt(ReadOnlySpan<byte> data, ushort initial = 0)
    {
        var crc = initial;
        foreach (var b in data)
        {
            crc = (ushort)((crc << 8) ^ Table[((crc >> 8) ^ b) & 0xFF]);
        }

        return crc;
    }

    /// <summary>The CRC value a LoRa radio appends to <paramref name="payload"/> (see remarks).</summary>
    public static ushort LoraPayloadCrc(ReadOnlySpan<byte> payload)
    {
        return payload.Length switch
        {
            0 => 0,
            1 => payload[0],
            _ => (ushort)(Ccitt(payload[..^2]) ^ payload[^1] ^ (payload[^2] << 8)),
        };
    }

    private static ushort[] BuildTable()
    {
        var table = new ushort[256];
        for (var i = 0; i < 256; i++)
        {
            var crc = (ushort)(i << 8);
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x8000) != 0 ? (ushort)((crc << 1) ^ 0x1021) : (ushort)(crc << 1);
            }

            table[i] = crc;
        }

        return table;
    }
}
