using System.Text;
using RfFingerprint.Lora.Coding;

namespace RfFingerprint.Lora.Tests.Coding;

public class BitChainStageTests
{
    [Fact]
    public void Whitening_sequence_starts_with_the_lfsr_output_seen_on_air()
    {
        byte[] expected = [0xFF, 0xFE, 0xFC, 0xF8, 0xF0, 0xE1, 0xC2, 0x85, 0x0B, 0x17, 0x2F, 0x5E, 0xBC, 0x78, 0xF1, 0xE3];
        var actual = Enumerable.Range(0, expected.Length).Select(i => Whitening.SequenceByte(i)).ToArray();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Whitening_twice_restores_the_payload()
    {
        var payload = Enumerable.Range(0, 255).Select(i => (byte)(i * 37)).ToArray();
        var buffer = new byte[payload.Length];
        Whitening.Apply(payload, buffer);
        Assert.NotEqual(payload, buffer);
        Whitening.Apply(buffer, buffer);
        Assert.Equal(payload, buffer);
    }

    [Fact]
    public void Crc16_ccitt_with_zero_init_matches_the_standard_check_value()
    {
        Assert.Equal(0x31C3, Crc16.Ccitt(Encoding.ASCII.GetBytes("123456789")));
    }

    [Fact]
    public void Lora_payload_crc_xors_the_last_two_bytes_into_the_crc_of_the_rest()
    {
        byte[] payload = [0x01, 0x02, 0x03, 0x04, 0xA5, 0x5A];
        var expected = Crc16.Ccitt(payload.AsSpan(0, 4)) ^ 0x5A ^ (0xA5 << 8);
        Assert.Equal(expected, Crc16.LoraPayloadCrc(payload));
    }

    [Theory]
    [InlineData(0, 1, false)]
    [InlineData(16, 1, true)]
    [InlineData(255, 4, true)]
    [InlineData(37, 3, false)]
    public void Header_round_trips(int length, int codingRate, bool hasCrc)
    {
        var nibbles = new byte[5];
        HeaderCodec.Encode(new LoraHeader(length, codingRate, hasCrc), nibbles);
        Assert.True(HeaderCodec.TryDecode(nibbles, out var header));
        Assert.Equal(new LoraHeader(length, codingRate, hasCrc), header);
    }

    [Fact]
    public void Header_places_length_high_nibble_first_and_cr_above_the_crc_flag()
    {
        var nibbles = new byte[5];
        HeaderCodec.Encode(new LoraHeader(0x1B, 2, true), nibbles);
        Assert.Equal(new byte[] { 0x1, 0xB, 0x5 }, nibbles[..3]);
    }

    [Fact]
    public void Header_with_any_single_flipped_bit_fails_its_checksum()
    {
        var nibbles = new byte[5];
        HeaderCodec.Encode(new LoraHeader(200, 4, true), nibbles);
        for (var nibble = 0; nibble < 5; nibble++)
        {
            for (var bit = 0; bit < (nibble == 3 ? 1 : 4); bit++)
            {
                var corrupted = (byte[])nibbles.Clone();
                corrupted[nibble] ^= (byte)(1 << bit);
                Assert.False(HeaderCodec.TryDecode(corrupted, out _), $"nibble {nibble} bit {bit}");
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Hamming_decodes_every_clean_codeword(int codingRate)
    {
        for (var nibble = 0; nibble < 16; nibble++)
        {
            var decoded = HammingCodec.Decode(HammingCodec.Encode(nibble, codingRate), codingRate, out var corrected, out var error);
            Assert.Equal(nibble, decoded);
            Assert.False(corrected);
            Assert.False(error);
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public void Hamming_corrects_any_single_bit_error_at_cr_4_7_and_4_8(int codingRate)
    {
        for (var nibble = 0; nibble < 16; nibble++)
        {
            for (var bit = 0; bit < 4 + codingRate; bit++)
            {
                var word = HammingCodec.Encode(nibble, codingRate) ^ (1 << bit);
                Assert.Equal(nibble, HammingCodec.Decode(word, codingRate, out var corrected, out _));
                Assert.True(corrected);
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Hamming_detects_single_bit_errors_at_cr_4_5_and_4_6(int codingRate)
    {
        for (var nibble = 0; nibble < 16; nibble++)
        {
            for (var bit = 0; bit < 4 + codingRate; bit++)
            {
                HammingCodec.Decode(HammingCodec.Encode(nibble, codingRate) ^ (1 << bit), codingRate, out _, out var error);
                Assert.True(error);
            }
        }
    }

    [Fact]
    public void Hamming_cr_4_5_appends_the_parity_of_the_data_bits_after_the_lsb_first_data()
    {
        // nibble 0b0001: d0 = 1 -> data bits MSB-first "1000", parity 1.
        Assert.Equal(0b10001, HammingCodec.Encode(0b0001, 1));
    }

    [Theory]
    [InlineData(5, 8)]
    [InlineData(7, 5)]
    [InlineData(12, 7)]
    [InlineData(10, 8)]
    public void Interleaver_round_trips_a_block(int sfApp, int codewordBits)
    {
        var random = new Random(sfApp * 31 + codewordBits);
        var codewords = Enumerable.Range(0, sfApp).Select(_ => (byte)random.Next(1 << codewordBits)).ToArray();
        var symbols = new int[codewordBits];
        Interleaver.Interleave(codewords, codewordBits, symbols);
        var back = new byte[sfApp];
        Interleaver.Deinterleave(symbols, back);
        Assert.Equal(codewords, back);
    }

    [Fact]
    public void Interleaver_puts_bit_i_of_the_last_codeword_first_in_symbol_i()
    {
        // Symbol 0, MSB (j = 0) comes from codeword (0 - 0 - 1) mod sfApp = the last codeword, bit 0 from the MSB.
        var codewords = new byte[] { 0, 0, 0, 0, 0, 0b1000_0000 };
        var symbols = new int[8];
        Interleaver.Interleave(codewords, 8, symbols);
        Assert.Equal(0b100000, symbols[0]);
        Assert.All(symbols[1..], s => Assert.Equal(0, s));
    }

    [Fact]
    public void Gray_mapping_is_inverted_by_from_gray()
    {
        for (var value = 0; value < 4096; value++)
        {
            Assert.Equal(value, GrayMapping.FromGray(GrayMapping.ToGray(value)));
        }
    }

    [Theory]
    [InlineData(7, false)]
    [InlineData(7, true)]
    [InlineData(12, true)]
    public void Symbol_mapping_round_trips(int sf, bool reduced)
    {
        var bits = reduced ? sf - 2 : sf;
        for (var value = 0; value < 1 << bits; value++)
        {
            Assert.Equal(value, SymbolMapping.FromShift(SymbolMapping.ToShift(value, sf, reduced), sf, reduced));
        }
    }

    [Fact]
    public void Symbol_mapping_sends_zero_as_shift_one()
    {
        Assert.Equal(1, SymbolMapping.ToShift(0, 7, reducedRate: false));
        Assert.Equal(1, SymbolMapping.ToShift(0, 7, reducedRate: true));
    }
}
