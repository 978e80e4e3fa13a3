using MathNet.Numerics;
using RfFingerprint.Fingerprinting.Datasets;

namespace RfFingerprint.Fingerprinting.Tests.Datasets;

public class NpyFormatTests
{
    [Fact]
    public void Header_IsVersion1AndPadsDataTo64Bytes()
    {
        using var stream = new MemoryStream();
        NpyFormat.Write(stream, new float[] { 1, 2, 3 }, [3]);
        byte[] bytes = stream.ToArray();

        Assert.Equal(0x93, bytes[0]);
        Assert.Equal("NUMPY", System.Text.Encoding.ASCII.GetString(bytes, 1, 5));
        Assert.Equal(1, bytes[6]);
        int dataStart = 10 + BitConverter.ToUInt16(bytes, 8);
        Assert.Equal(0, dataStart % 64);
        Assert.Equal(dataStart + 12, bytes.Length);
        Assert.Contains("'shape': (3,)", System.Text.Encoding.ASCII.GetString(bytes, 10, dataStart - 10), StringComparison.Ordinal);
    }

    [Fact]
    public void FloatMatrix_RoundTrips()
    {
        using var stream = new MemoryStream();
        NpyFormat.Write(stream, new float[] { 1, 2, 3, 4, 5, 6 }, [2, 3]);
        stream.Position = 0;

        var array = NpyFormat.Read(stream);

        Assert.Equal("<f4", array.Descriptor);
        Assert.Equal([2L, 3L], array.Shape);
        Assert.Equal(new float[] { 1, 2, 3, 4, 5, 6 }, array.As<float>());
    }

    [Fact]
    public void ComplexArray_RoundTrips()
    {
        using var stream = new MemoryStream();
        NpyFormat.Write(stream, new[] { new Complex32(1, -2), new Complex32(0.5f, 3) }, [2]);
        stream.Position = 0;

        Assert.Equal(new[] { new Complex32(1, -2), new Complex32(0.5f, 3) }, NpyFormat.Read(stream).As<Complex32>());
    }

    [Fact]
    public void ZeroDimensionalString_RoundTripsWithNonAsciiText()
    {
        using var stream = new MemoryStream();
        NpyFormat.WriteStrings(stream, ["{\"name\":\"Gerät µ\"}"], []);
        stream.Position = 0;

        var array = NpyFormat.Read(stream);

        Assert.Empty(array.Shape);
        Assert.Equal("{\"name\":\"Gerät µ\"}", array.As<string>()[0]);
    }

    [Fact]
    public void ShapeThatDoesNotMatchTheData_IsRejected()
    {
        using var stream = new MemoryStream();

        var e = Assert.Throws<ArgumentException>(() => NpyFormat.Write(stream, new int[] { 1, 2, 3 }, [2, 2]));

        Assert.Equal("shape", e.ParamName);
    }

    [Fact]
    public void WrongElementType_IsReportedWithTheDescriptor()
    {
        using var stream = new MemoryStream();
        NpyFormat.Write(stream, new int[] { 1 }, [1]);
        stream.Position = 0;

        var e = Assert.Throws<InvalidDataException>(() => NpyFormat.Read(stream).As<float>());

        Assert.Contains("<i4", e.Message, StringComparison.Ordinal);
    }
}
