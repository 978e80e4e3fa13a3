namespace RfFingerprint.Sdr.SigMF;

/// <summary>Numeric type of one component (I or Q) of a SigMF sample.</summary>
public enum SigMFComponentType
{
    /// <summary>IEEE 754 single precision.</summary>
    Float32,

    /// <summary>Signed 16-bit integer.</summary>
    Int16,

    /// <summary>Signed 8-bit integer.</summary>
    Int8,

    /// <summary>Unsigned 8-bit integer with its zero at 128 (RTL-SDR style).</summary>
    UInt8,
}

/// <summary>
/// A complex SigMF <c>core:datatype</c> this library reads: <c>cf32_le</c>, <c>cf32_be</c>, <c>ci16_le</c>,
/// <c>ci16_be</c>, <c>ci8</c>, <c>cu8</c>. Samples are stored I then Q, interleaved.
/// </summary>
/// <remarks>
/// Integer types are decoded to floats in [-1, 1): a value v of a b-bit signed type becomes v / 2^(b-1),
/// a cu8 value u becomes (u - 128) / 128; the result is then multiplied by the recording's full scale
/// (<see cref="SigMFGlobal.FullScale"/>, 1 when absent).
/// </remarks>
public sealed record SigMFDatatype
{
    private SigMFDatatype(string name, SigMFComponentType componentType, int bytesPerComponent, bool bigEndian)
    {
        Name = name;
        ComponentType = componentType;
        BytesPerComponent = bytesPerComponent;
        IsBigEndian = bigEndian;
    }

    /// <summary>Complex 32-bit float, little-endian.</summary>
    public static SigMFDatatype Cf32Le { get; } = new("cf32_le", SigMFComponentType.Float32, 4, false);

    /// <summary>Complex 32-bit float, big-endian.</summary>
    public static SigMFDatatype Cf32Be { get; } = new("cf32_be", SigMFComponentType.Float32, 4, true);

    /// <summary>Complex signed 16-bit integer, little-endian.</summary>
    public static SigMFDatatype Ci16Le { get; } = new("ci16_le", SigMFComponentType.Int16, 2, false);

    /// <summary>Complex signed 16-bit integer, big-endian.</summary>
    public static SigMFDatatype Ci16Be { get; } = new("ci16_be", SigMFComponentType.Int16, 2, true);

    /// <summary>Complex signed 8-bit integer.</summary>
    public static SigMFDatatype Ci8 { get; } = new("ci8", SigMFComponentType.Int8, 1, false);

    /// <summary>Complex unsigned 8-bit integer (offset binary, zero at 128).</summary>
    public static SigMFDatatype Cu8 { get; } = new("cu8", SigMFComponentType.UInt8, 1, false);

    /// <summary>Every datatype this library reads and writes.</summary>
    public static IReadOnlyList<SigMFDatatype> All { get; } = [Cf32Le, Cf32Be, Ci16Le, Ci16Be, Ci8, Cu8];

    /// <summary>The SigMF name, e.g. <c>cf32_le</c>.</summary>
    public string Name { get; }

    /// <summary>Numeric type of I and Q.</summary>
    public SigMFComponentType ComponentType { get; }

    /// <summary>Bytes of one component.</summary>
    public int BytesPerComponent { get; }

    /// <summary>Bytes of one complex sample (I and Q).</summary>
    public int BytesPerSample => 2 * BytesPerComponent;

    /// <summary>True when multi-byte components are stored most significant byte first.</summary>
    public bool IsBigEndian { get; }

    /// <summary>True for the integer types, whose decoded amplitude depends on the full scale.</summary>
    public bool IsInteger => ComponentType != SigMFComponentType.Float32;

    /// <summary>Looks up a datatype by its SigMF name (case-sensitive, as the schema is).</summary>
    /// <returns>False for real-valued, unknown or unsupported names.</returns>
    public static bool TryParse(string? name, out SigMFDatatype datatype)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Name, name, StringComparison.Ordinal))
            {
                datatype = candidate;
                return true;
            }
        }

        datatype = Cf32Le;
        return false;
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
