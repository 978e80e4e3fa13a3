namespace RfFingerprint.Lora.Coding;

/// <summary>
/// Payload data whitening of the LoRa PHY: each payload byte i is XORed with byte i of a fixed sequence.
/// </summary>
/// <remarks>
/// The sequence is the output of the 8-bit LFSR x^8 + x^6 + x^5 + x^4 + 1 started at 0xFF:
/// w[0] = 0xFF, w[k+1] = (w[k] &lt;&lt; 1) | parity(w[k] &amp; 0xB8), giving FF FE FC F8 F0 E1 C2 85 0B 17 2F …
/// (the table used by gr-lora_sdr, Tapparel et al., "An open-source LoRa physical layer prototype on GNU Radio",
/// SPAWC 2020). The header and the CRC are not whitened. Whitening is its own inverse.
/// </remarks>
public static class Whitening
{
    private static readonly byte[] Sequence = BuildSequence();

    /// <summary>Longest payload the sequence covers (the LoRa payload limit).</summary>
    public const int MaxLength = 255;

    /// <summary>The whitening byte for payload position <paramref name="index"/>.</summary>
    public static byte SequenceByte(int index) => Sequence[index];

    /// <summary>XORs <paramref name="input"/> with the sequence into <paramref name="output"/> (same length; may alias).</summary>
    /// <exception cref="ArgumentException">Input is longer than 255 bytes or output is shorter than input.</exception>
    public static void Apply(ReadOnlySpan<byte> input, Span<byte> output)
    {
        if (input.Length > MaxLength)
        {
            throw new ArgumentException("A LoRa payload holds at most 255 bytes.", nameof(input));
        }

        if (output.Length < input.Length)
        {
            throw new ArgumentException("Output must be at least as long as input.", nameof(output));
        }

        for (var i = 0; i < input.Length; i++)
        {
            output[i] = (byte)(input[i] ^ Sequence[i]);
        }
    }

    private static byte[] BuildSequence()
    {
        var sequence = new byte[MaxLength];
        var state = 0xFF;
        for (var i = 0; i < sequence.Length; i++)
        {
            sequence[i] = (byte)state;
            var feedback = System.Numerics.BitOperations.PopCount((uint)(state & 0xB8)) & 1;
            state = ((state << 1) | feedback) & 0xFF;
        }

        return sequence;
    }
}
