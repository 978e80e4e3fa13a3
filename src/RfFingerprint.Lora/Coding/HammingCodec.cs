using System.Numerics;

namespace RfFingerprint.Lora.Coding;

/// <summary>The LoRa (4, 4+CR) block code protecting each nibble.</summary>
/// <remarks>
/// Codeword bits, most significant first, are the data bits least significant first (d0 d1 d2 d3) followed by the
/// parity bits p0 = d0^d1^d2, p1 = d1^d2^d3, p2 = d0^d1^d3, p3 = d0^d2^d3, truncated to CR parity bits; CR 4/5
/// instead appends the single parity d0^d1^d2^d3 (gr-lora_sdr's encoder; Tapparel et al., SPAWC 2020).
/// CR 4/7 and 4/8 have minimum distance 3 and 4, so a single bit error is corrected; CR 4/5 and 4/6 can only
/// detect errors, and the decoder then returns the systematic data bits. Decoding is a nearest-codeword table.
/// </remarks>
public static class HammingCodec
{
    private static readonly byte[][] EncodeTables = [.. Enumerable.Range(0, 5).Select(BuildEncodeTable)];
    private static readonly ushort[][] DecodeTables = [.. Enumerable.Range(0, 5).Select(BuildDecodeTable)];

    private const ushort CorrectedFlag = 0x100;
    private const ushort ErrorFlag = 0x200;

    /// <summary>Codeword length in bits, 4 + CR.</summary>
    public static int CodewordBits(int codingRate) => 4 + codingRate;

    /// <summary>Encodes a nibble at coding rate index 1 to 4.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Coding rate is not 1 to 4.</exception>
    public static byte Encode(int nibble, int codingRate)
    {
        CheckRate(codingRate);
        return EncodeTables[codingRate][nibble & 0xF];
    }

    /// <summary>Decodes a codeword; reports whether a bit was corrected and whether an uncorrectable error was seen.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Coding rate is not 1 to 4.</exception>
    public static int Decode(int codeword, int codingRate, out bool corrected, out bool errorDetected)
    {
        CheckRate(codingRate);
        var entry = DecodeTables[codingRate][codeword & ((1 << CodewordBits(codingRate)) - 1)];
        corrected = (entry & CorrectedFlag) != 0;
        errorDetected = (entry & ErrorFlag) != 0;
        return entry & 0xF;
    }

    private static void CheckRate(int codingRate)
    {
        if (codingRate is < 1 or > 4)
        {
            throw new ArgumentOutOfRangeException(nameof(codingRate), codingRate, "Coding rate must be 1 to 4 (4/5 to 4/8).");
        }
    }

    private static byte[] BuildEncodeTable(int codingRate)
    {
        var table = new byte[16];
        if (codingRate == 0)
        {
            return table;
        }

        for (var nibble = 0; nibble < 16; nibble++)
        {
            int D(int k) => (nibble >> k) & 1;
            var data = (D(0) << 3) | (D(1) << 2) | (D(2) << 1) | D(3);
            if (codingRate == 1)
            {
                table[nibble] = (byte)((data << 1) | (D(0) ^ D(1) ^ D(2) ^ D(3)));
                continue;
            }

            var p0 = D(0) ^ D(1) ^ D(2);
            var p1 = D(1) ^ D(2) ^ D(3);
            var p2 = D(0) ^ D(1) ^ D(3);
            var p3 = D(0) ^ D(2) ^ D(3);
            var full = (data << 4) | (p0 << 3) | (p1 << 2) | (p2 << 1) | p3;
            table[nibble] = (byte)(full >> (4 - codingRate));
        }

        return table;
    }

    private static ushort[] BuildDecodeTable(int codingRate)
    {
        if (codingRate == 0)
        {
            return [];
        }

        var bits = CodewordBits(codingRate);
        var encode = BuildEncodeTable(codingRate);
        var table = new ushort[1 << bits];
        for (var word = 0; word < table.Length; word++)
        {
            var systematic = SystematicNibble(word, bits);
            var best = -1;
            var bestDistance = int.MaxValue;
            var ties = 0;
            for (var nibble = 0; nibble < 16; nibble++)
            {
                var distance = BitOperations.PopCount((uint)(word ^ encode[nibble]));
                if (distance < bestDistance)
                {
                    bestDistance = distance;
                    best = nibble;
                    ties = 1;
                }
                else if (distance == bestDistance)
                {
                    ties++;
                }
            }

            // Correct only when the code's distance makes the nearest codeword unambiguous (CR 4/7, 4/8).
            table[word] = bestDistance switch
            {
                0 => (ushort)best,
                1 when ties == 1 && codingRate >= 3 => (ushort)(best | CorrectedFlag),
                _ => (ushort)(systematic | ErrorFlag),
            };
        }

        return table;
    }

    private static int SystematicNibble(int word, int bits)
    {
        var top = word >> (bits - 4);
        return ((top >> 3) & 1) | (((top >> 2) & 1) << 1) | (((top >> 1) & 1) << 2) | ((top & 1) << 3);
    }
}
