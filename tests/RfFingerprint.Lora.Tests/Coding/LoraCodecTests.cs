using RfFingerprint.Lora.Coding;

namespace RfFingerprint.Lora.Tests.Coding;

public class LoraCodecTests
{
    public static TheoryData<int, int, bool, bool, int, bool?> Cases => new()
    {
        // sf, cr, crc, implicit, length, ldro
        { 7, 1, true, false, 16, null },
        { 7, 4, false, false, 0, null },
        { 7, 2, true, false, 255, null },
        { 8, 3, true, false, 1, null },
        { 9, 1, true, true, 20, null },
        { 10, 4, true, false, 3, null },
        { 11, 1, true, false, 51, null },
        { 12, 2, false, false, 2, null },
        { 12, 3, true, true, 11, null },
        { 7, 1, true, false, 9, true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Encoded_shifts_decode_to_the_payload(int sf, int cr, bool crc, bool implicitHeader, int length, bool? ldro)
    {
        var parameters = new LoraParameters { SpreadingFactor = sf, CodingRate = cr, HasCrc = crc, ImplicitHeader = implicitHeader, LowDataRateOptimize = ldro };
        var codec = new LoraCodec(parameters);
        var payload = RandomPayload(length, sf * 100 + length);
        var shifts = new int[codec.SymbolCount(length)];
        codec.Encode(payload, shifts);

        var decoded = new byte[255];
        var result = codec.Decode(shifts, decoded, length);

        Assert.Equal(LoraDecodeStatus.Decoded, result.Status);
        Assert.Equal(new LoraHeader(length, cr, crc), result.Header);
        Assert.Equal(crc ? true : null, result.CrcOk);
        Assert.Equal(payload, decoded[..length]);
    }

    [Theory]
    [InlineData(7, 16, 1, true, 38)]
    [InlineData(12, 16, 1, true, 28)]
    [InlineData(9, 0, 4, false, 8)]
    public void Symbol_count_follows_the_semtech_formula(int sf, int length, int cr, bool crc, int expected)
    {
        var codec = new LoraCodec(new LoraParameters { SpreadingFactor = sf, CodingRate = cr, HasCrc = crc });
        Assert.Equal(expected, codec.SymbolCount(length));
    }

    [Fact]
    public void A_corrupted_payload_symbol_fails_the_crc()
    {
        var codec = new LoraCodec(new LoraParameters());
        var payload = RandomPayload(16, 1);
        var shifts = new int[codec.SymbolCount(16)];
        codec.Encode(payload, shifts);
        shifts[20] = (shifts[20] + 37) % 128;
        var result = codec.Decode(shifts, new byte[255]);
        Assert.Equal(LoraDecodeStatus.Decoded, result.Status);
        Assert.False(result.CrcOk);
    }

    [Fact]
    public void A_one_bin_error_in_the_header_block_is_corrected()
    {
        var codec = new LoraCodec(new LoraParameters());
        var payload = RandomPayload(16, 2);
        var shifts = new int[codec.SymbolCount(16)];
        codec.Encode(payload, shifts);
        shifts[3] = (shifts[3] + 4) % 128;
        var decoded = new byte[255];
        var result = codec.Decode(shifts, decoded);
        Assert.True(result.CrcOk);
        Assert.Equal(payload, decoded[..16]);
        Assert.True(result.CorrectedBits > 0);
    }

    [Fact]
    public void Too_few_shifts_are_reported_as_truncated()
    {
        var codec = new LoraCodec(new LoraParameters());
        var shifts = new int[codec.SymbolCount(16)];
        codec.Encode(RandomPayload(16, 3), shifts);
        Assert.Equal(LoraDecodeStatus.Truncated, codec.Decode(shifts.AsSpan(0, 20), new byte[255]).Status);
    }

    internal static byte[] RandomPayload(int length, int seed)
    {
        var payload = new byte[length];
        new Random(seed).NextBytes(payload);
        return payload;
    }
}
