namespace RfFingerprint.Lora.Coding;

/// <summary>The LoRa diagonal interleaver: a block of SF_app codewords of (4+CR) bits becomes (4+CR) symbols of SF_app bits.</summary>
/// <remarks>
/// With bit indices counted from the most significant bit, bit j of symbol i is bit i of codeword (i − j − 1) mod SF_app
/// (gr-lora_sdr's interleaver; Tapparel et al., SPAWC 2020; the diagonal shift matches Robyns et al., "A multi-channel
/// software decoder for the LoRa modulation scheme", 2018). SF_app is SF − 2 for reduced-rate blocks (the first
/// block and all blocks under LDRO), SF otherwise.
/// </remarks>
public static class Interleaver
{
    /// <summary>Interleaves <paramref name="codewords"/> (SF_app of them, each <paramref name="codewordBits"/> wide) into <paramref name="codewordBits"/> symbol values.</summary>
    /// <exception cref="ArgumentException">Span lengths do not match the block shape.</exception>
    public static void Interleave(ReadOnlySpan<byte> codewords, int codewordBits, Span<int> symbols)
    {
        var sfApp = codewords.Length;
        CheckShape(sfApp, codewordBits, symbols.Length);
        for (var i = 0; i < codewordBits; i++)
        {
            var value = 0;
            for (var j = 0; j < sfApp; j++)
            {
                var bit = (codewords[Mod(i - j - 1, sfApp)] >> (codewordBits - 1 - i)) & 1;
                value |= bit << (sfApp - 1 - j);
            }

            symbols[i] = value;
        }
    }

    /// <summary>Inverse of <see cref="Interleave"/>: <paramref name="symbols"/> (codeword-bits of them, SF_app bits each) back into SF_app codewords.</summary>
    /// <exception cref="ArgumentException">Span lengths do not match the block shape.</exception>
    public static void Deinterleave(ReadOnlySpan<int> symbols, Span<byte> codewords)
    {
        var sfApp = codewords.Length;
        var codewordBits = symbols.Length;
        CheckShape(sfApp, codewordBits, codewordBits);
        codewords.Clear();
        for (var i = 0; i < codewordBits; i++)
        {
            for (var j = 0; j < sfApp; j++)
            {
                var bit = (symbols[i] >> (sfApp - 1 - j)) & 1;
                codewords[Mod(i - j - 1, sfApp)] |= (byte)(bit << (codewordBits - 1 - i));
            }
        }
    }

    private static void CheckShape(int sfApp, int codewordBits, int symbolCount)
    {
        if (sfApp is < 1 or > 12 || codewordBits is < 5 or > 8 || symbolCount != codewordBits)
        {
            throw new ArgumentException($"An interleaver block is SF_app (1..12) codewords of 5..8 bits into as many symbols as codeword bits; got {sfApp} codewords of {codewordBits} bits and {symbolCount} symbols.", nameof(symbolCount));
        }
    }

    private static int Mod(int a, int m) => ((a % m) + m) % m;
}
