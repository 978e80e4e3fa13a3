namespace RfFingerprint.Lora.Coding;

/// <summary>The explicit header: five nibbles carrying length, coding rate, CRC flag and a 5-bit checksum.</summary>
/// <remarks>
/// Nibble layout (gr-lora_sdr; Tapparel et al., SPAWC 2020): n0 = length high nibble, n1 = length low nibble,
/// n2 = (CR &lt;&lt; 1) | CRC flag, n3 = checksum bit 4, n4 = checksum bits 3..0.
/// The checksum bits, with a = n0, b = n1, c = n2 and x_k bit k of x, are
/// c4 = a3^a2^a1^a0; c3 = a3^b3^b2^b1^c0; c2 = a2^b3^b0^c3^c1; c1 = a1^b2^b0^c2^c1^c0; c0 = a0^b1^c3^c2^c1^c0
/// (the same equations appear in LoRa-SDR by Lime Microsystems and in gr-lora_sdr's header block).
/// </remarks>
public static class HeaderCodec
{
    /// <summary>Number of header nibbles.</summary>
    public const int NibbleCount = 5;

    /// <summary>Writes the five header nibbles.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Length is not 0 to 255 or coding rate not 1 to 4.</exception>
    /// <exception cref="ArgumentException">Destination is shorter than five nibbles.</exception>
    public static void Encode(LoraHeader header, Span<byte> nibbles)
    {
        if (header.PayloadLength is < 0 or > 255)
        {
            throw new ArgumentOutOfRangeException(nameof(header), header.PayloadLength, "PayloadLength must be 0 to 255.");
        }

        if (header.CodingRate is < 1 or > 4)
        {
            throw new ArgumentOutOfRangeException(nameof(header), header.CodingRate, "CodingRate must be 1 to 4.");
        }

        if (nibbles.Length < NibbleCount)
        {
            throw new ArgumentException("The header needs five nibbles.", nameof(nibbles));
        }

        nibbles[0] = (byte)(header.PayloadLength >> 4);
        nibbles[1] = (byte)(header.PayloadLength & 0xF);
        nibbles[2] = (byte)((header.CodingRate << 1) | (header.HasCrc ? 1 : 0));
        var checksum = Checksum(nibbles[0], nibbles[1], nibbles[2]);
        nibbles[3] = (byte)(checksum >> 4);
        nibbles[4] = (byte)(checksum & 0xF);
    }

    /// <summary>Reads a header from its five nibbles; false when the checksum does not match or the coding rate is 0 or above 4.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> nibbles, out LoraHeader header)
    {
        header = default;
        if (nibbles.Length < NibbleCount)
        {
            return false;
        }

        var expected = Checksum(nibbles[0], nibbles[1], nibbles[2]);
        var received = ((nibbles[3] & 0x1) << 4) | (nibbles[4] & 0xF);
        var codingRate = (nibbles[2] >> 1) & 0x7;
        header = new LoraHeader((nibbles[0] << 4) | nibbles[1], codingRate, (nibbles[2] & 1) != 0);
        return expected == received && codingRate is >= 1 and <= 4;
    }

    /// <summary>The 5-bit header checksum of nibbles n0, n1, n2 (see remarks).</summary>
    public static int Checksum(int n0, int n1, int n2)
    {
        static int Bit(int x, int k) => (x >> k) & 1;
        var c4 = Bit(n0, 3) ^ Bit(n0, 2) ^ Bit(n0, 1) ^ Bit(n0, 0);
        var c3 = Bit(n0, 3) ^ Bit(n1, 3) ^ Bit(n1, 2) ^ Bit(n1, 1) ^ Bit(n2, 0);
        var c2 = Bit(n0, 2) ^ Bit(n1, 3) ^ Bit(n1, 0) ^ Bit(n2, 3) ^ Bit(n2, 1);
        var c1 = Bit(n0, 1) ^ Bit(n1, 2) ^ Bit(n1, 0) ^ Bit(n2, 2) ^ Bit(n2, 1) ^ Bit(n2, 0);
        var c0 = Bit(n0, 0) ^ Bit(n1, 1) ^ Bit(n2, 3) ^ Bit(n2, 2) ^ Bit(n2, 1) ^ Bit(n2, 0);
        return (c4 << 4) | (c3 << 3) | (c2 << 2) | (c1 << 1) | c0;
    }
}
