using System.Numerics;

namespace RfFingerprint.Lora.Coding;

/// <summary>Maps interleaved bit groups to chirp shifts and back, including reduced-rate blocks and the one-chip offset.</summary>
/// <remarks>
/// Full rate: shift = (FromGray(v) + 1) mod 2^SF. Reduced rate (first block, and every block under LDRO) carries SF−2 bits:
/// the SF-bit word is v &lt;&lt; 2 with the parity of v in the next bit and a zero last, then the same Gray step and +1,
/// so the shift lands at 4·k + 1 or 4·k + 4 (gr-lora_sdr's interleaver and gray_demap; Tapparel et al., SPAWC 2020).
/// The receiver inverts this as v = Gray(((shift − 1) mod 2^SF) / 4) with integer division, which tolerates the
/// two possible positions and small timing errors.
/// </remarks>
public static class SymbolMapping
{
    /// <summary>Chirp shift for bit group <paramref name="value"/>.</summary>
    public static int ToShift(int value, int spreadingFactor, bool reducedRate)
    {
        var n = 1 << spreadingFactor;
        var word = reducedRate ? (value << 2) | ((BitOperations.PopCount((uint)value) & 1) << 1) : value;
        return (GrayMapping.FromGray(word & (n - 1)) + 1) & (n - 1);
    }

    /// <summary>Bit group carried by chirp shift <paramref name="shift"/> (0 to 2^SF − 1).</summary>
    public static int FromShift(int shift, int spreadingFactor, bool reducedRate)
    {
        var n = 1 << spreadingFactor;
        var s = (shift - 1) & (n - 1);
        return GrayMapping.ToGray(reducedRate ? s >> 2 : s);
    }
}
