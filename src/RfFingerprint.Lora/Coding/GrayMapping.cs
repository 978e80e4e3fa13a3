namespace RfFingerprint.Lora.Coding;

/// <summary>Gray mapping between interleaved bit groups and chirp shifts.</summary>
/// <remarks>
/// The receiver Gray-<em>encodes</em> the demodulated shift (g = s ^ (s &gt;&gt; 1)), so the transmitter applies the
/// inverse (binary-from-Gray) to the interleaver output before modulating; a ±1 bin demodulation error then flips a
/// single bit (gr-lora_sdr's gray_demap/gray_mapping blocks; Tapparel et al., SPAWC 2020).
/// </remarks>
public static class GrayMapping
{
    /// <summary>Binary-reflected Gray code of <paramref name="value"/>: value ^ (value &gt;&gt; 1) (receive direction).</summary>
    public static int ToGray(int value) => value ^ (value >> 1);

    /// <summary>Inverse Gray code (transmit direction): XOR of all right shifts of <paramref name="gray"/>.</summary>
    public static int FromGray(int gray)
    {
        var value = gray;
        for (var shift = 1; shift < 16; shift <<= 1)
        {
            value ^= value >> shift;
        }

        return value;
    }
}
