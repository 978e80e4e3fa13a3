using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using MathNet.Numerics;

namespace RfFingerprint.Fingerprinting.Datasets;

/// <summary>
/// Reads and writes numpy's .npy format version 1.0: the magic <c>\x93NUMPY</c>, version bytes 1 0, a little-endian
/// uint16 header length, an ASCII Python dict <c>{'descr': ..., 'fortran_order': False, 'shape': (...), }</c> padded with
/// spaces and a newline so the data starts on a 64-byte boundary, then the raw little-endian elements in C order.
/// Unicode strings are numpy's fixed-width UTF-32LE <c>&lt;Un</c>. Object arrays (pickles) are never written nor read.
/// </summary>
public static partial class NpyFormat
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    /// <summary>Writes a float32 array (<c>&lt;f4</c>).</summary>
    public static void Write(Stream stream, ReadOnlySpan<float> data, ReadOnlySpan<long> shape) =>
        WriteRaw(stream, "<f4", MemoryMarshal.AsBytes(data), data.Length, shape);

    /// <summary>Writes a float64 array (<c>&lt;f8</c>).</summary>
    public static void Write(Stream stream, ReadOnlySpan<double> data, ReadOnlySpan<long> shape) =>
        WriteRaw(stream, "<f8", MemoryMarshal.AsBytes(data), data.Length, shape);

    /// <summary>Writes an int32 array (<c>&lt;i4</c>).</summary>
    public static void Write(Stream stream, ReadOnlySpan<int> data, ReadOnlySpan<long> shape) =>
        WriteRaw(stream, "<i4", MemoryMarshal.AsBytes(data), data.Length, shape);

    /// <summary>Writes an int64 array (<c>&lt;i8</c>).</summary>
    public static void Write(Stream stream, ReadOnlySpan<long> data, ReadOnlySpan<long> shape) =>
        WriteRaw(stream, "<i8", MemoryMarshal.AsBytes(data), data.Length, shape);

    /// <summary>Writes a complex64 array (<c>&lt;c8</c>: float32 real then imaginary).</summary>
    public static void Write(Stream stream, ReadOnlySpan<Complex32> data, ReadOnlySpan<long> shape) =>
        WriteRaw(stream, "<c8", MemoryMarshal.AsBytes(data), data.Length, shape);

    /// <summary>Writes strings as a fixed-width unicode array (<c>&lt;Un</c>, n = the longest string in UTF-32 code points).</summary>
    /// <param name="stream">Destination.</param>
    /// <param name="data">The strings, C order.</param>
    /// <param name="shape">Dimensions; empty for a 0-d array holding one string.</param>
    public static void WriteStrings(Stream stream, IReadOnlyList<string> data, ReadOnlySpan<long> shape)
    {
        ArgumentNullException.ThrowIfNull(data);
        var encoding = new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true);
        int width = 1;
        foreach (string s in data)
            width = Math.Max(width, encoding.GetByteCount(s) / 4);
        var bytes = new byte[data.Count * width * 4];
        for (int i = 0; i < data.Count; i++)
            encoding.GetBytes(data[i], 0, data[i].Length, bytes, i * width * 4);
        WriteRaw(stream, "<U" + width.ToString(CultureInfo.InvariantCulture), bytes, data.Count, shape);
    }

    private static void WriteRaw(Stream stream, string descriptor, ReadOnlySpan<byte> bytes, long count, ReadOnlySpan<long> shape)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("The .npy writer assumes a little-endian machine.");
        long expected = 1;
        foreach (long d in shape)
        {
            if (d < 0)
                throw new ArgumentException($"Shape dimensions must not be negative, got {d}.", nameof(shape));
            expected *= d;
        }

        if (expected != count)
            throw new ArgumentException($"The shape {FormatShape(shape)} holds {expected} elements but {count} were given.", nameof(shape));
        WriteHeader(stream, descriptor, shape);
        stream.Write(bytes);
    }

    /// <summary>Writes only the header; the caller then writes exactly the elements the shape announces.</summary>
    public static void WriteHeader(Stream stream, string descriptor, ReadOnlySpan<long> shape)
    {
        ArgumentNullException.ThrowIfNull(stream);
        string dict = $"{{'descr': '{descriptor}', 'fortran_order': False, 'shape': {FormatShape(shape)}, }}";
        int unpadded = Magic.Length + 2 + 2 + dict.Length + 1;
        int padding = (64 - (unpadded % 64)) % 64;
        string header = dict + new string(' ', padding) + "\n";
        if (header.Length > ushort.MaxValue)
            throw new ArgumentException("The .npy header is too long for format version 1.0.", nameof(shape));
        Span<byte> prefix = stackalloc byte[10];
        Magic.CopyTo(prefix);
        prefix[6] = 1;
        prefix[7] = 0;
        BinaryPrimitives.WriteUInt16LittleEndian(prefix[8..], (ushort)header.Length);
        stream.Write(prefix);
        stream.Write(Encoding.ASCII.GetBytes(header));
    }

    /// <summary>Python tuple syntax: <c>()</c>, <c>(5,)</c>, <c>(5, 1, 102, 62)</c>.</summary>
    private static string FormatShape(ReadOnlySpan<long> shape)
    {
        var parts = new string[shape.Length];
        for (int i = 0; i < shape.Length; i++)
            parts[i] = shape[i].ToString(CultureInfo.InvariantCulture);
        return shape.Length == 1 ? $"({parts[0]},)" : $"({string.Join(", ", parts)})";
    }

    /// <summary>Reads one array written in format version 1.x, 2.x or 3.x with a little-endian or byte-sized type.</summary>
    /// <exception cref="InvalidDataException">The stream is not .npy, is Fortran-ordered, truncated, or holds an unsupported type.</exception>
    public static NpyArray Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> prefix = stackalloc byte[8];
        stream.ReadExactly(prefix);
        if (!prefix[..6].SequenceEqual(Magic))
            throw new InvalidDataException("Not an .npy stream (bad magic).");
        int major = prefix[6];
        int headerLength;
        if (major == 1)
        {
            Span<byte> length = stackalloc byte[2];
            stream.ReadExactly(length);
            headerLength = BinaryPrimitives.ReadUInt16LittleEndian(length);
        }
        else if (major is 2 or 3)
        {
            Span<byte> length = stackalloc byte[4];
            stream.ReadExactly(length);
            headerLength = checked((int)BinaryPrimitives.ReadUInt32LittleEndian(length));
        }
        else
        {
            throw new InvalidDataException($"Unsupported .npy format version {major}.");
        }

        var headerBytes = new byte[headerLength];
        stream.ReadExactly(headerBytes);
        string header = Encoding.UTF8.GetString(headerBytes);
        Match descr = DescrPattern().Match(header);
        Match order = OrderPattern().Match(header);
        Match shapeMatch = ShapePattern().Match(header);
        if (!descr.Success || !order.Success || !shapeMatch.Success)
            throw new InvalidDataException($"Unreadable .npy header: {header.Trim()}");
        if (order.Groups[1].Value == "True")
            throw new InvalidDataException("Fortran-ordered .npy arrays are not supported.");
        string descriptor = descr.Groups[1].Value;
        var shape = shapeMatch.Groups[1].Value
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => long.Parse(s, CultureInfo.InvariantCulture))
            .ToArray();
        long count = 1;
        foreach (long d in shape)
            count *= d;
        int n = checked((int)count);
        Array data = descriptor switch
        {
            "<f4" => ReadElements<float>(stream, n),
            "<f8" => ReadElements<double>(stream, n),
            "<i4" => ReadElements<int>(stream, n),
            "<i8" => ReadElements<long>(stream, n),
            "|u1" or "<u1" => ReadElements<byte>(stream, n),
            "<c8" => ReadElements<Complex32>(stream, n),
            _ when descriptor.StartsWith("<U", StringComparison.Ordinal) => ReadStrings(stream, n, int.Parse(descriptor.AsSpan(2), CultureInfo.InvariantCulture)),
            _ => throw new InvalidDataException($"Unsupported .npy element type '{descriptor}'."),
        };
        return new NpyArray(descriptor, shape, data);
    }

    private static T[] ReadElements<T>(Stream stream, int count)
        where T : unmanaged
    {
        var data = new T[count];
        stream.ReadExactly(MemoryMarshal.AsBytes(data.AsSpan()));
        return data;
    }

    private static string[] ReadStrings(Stream stream, int count, int width)
    {
        var bytes = new byte[checked(count * width * 4)];
        stream.ReadExactly(bytes);
        var encoding = new UTF32Encoding(bigEndian: false, byteOrderMark: false);
        var strings = new string[count];
        for (int i = 0; i < count; i++)
            strings[i] = encoding.GetString(bytes, i * width * 4, width * 4).TrimEnd('\0');
        return strings;
    }

    [GeneratedRegex(@"'descr'\s*:\s*'([^']+)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")]
    private static partial Regex OrderPattern();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();
}
