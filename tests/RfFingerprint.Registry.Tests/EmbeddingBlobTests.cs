using RfFingerprint.Registry.Inputs;

namespace RfFingerprint.Registry.Tests;

public sealed class EmbeddingBlobTests
{
    [Fact]
    public void Encode_WritesFloat32LittleEndian()
    {
        var blob = EmbeddingBlob.Encode([1.0f, -2.5f]);

        // 1.0f = 0x3F800000, -2.5f = 0xC0200000, least significant byte first.
        Assert.Equal(new byte[] { 0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x20, 0xC0 }, blob);
    }

    [Fact]
    public void Decode_OfEncode_ReturnsTheSameValues()
    {
        var random = new Random(7);
        var values = Enumerable.Range(0, 257).Select(_ => (float)random.NextDouble()).Append(float.NaN).Append(float.NegativeInfinity).ToArray();

        var decoded = EmbeddingBlob.Decode(EmbeddingBlob.Encode(values));

        Assert.Equal(values, decoded);
    }

    [Fact]
    public void Decode_LengthNotAMultipleOfFour_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => EmbeddingBlob.Decode(new byte[6]));

        Assert.Equal("blob", error.ParamName);
    }
}
