using System.IO.Compression;
using MathNet.Numerics;

namespace RfFingerprint.Fingerprinting.Datasets;

/// <summary>
/// Writes an .npz archive (a zip of .npy members named <c>NAME.npy</c>) that <c>numpy.load(path, allow_pickle=False)</c>
/// reads as arrays keyed by NAME. Members are stored uncompressed, like <c>numpy.savez</c>, and stamped 1980-01-01 00:00
/// (the zip epoch) rather than the writing time, so the same arrays give the same bytes.
/// </summary>
public sealed class NpzWriter : IDisposable
{
    private static readonly DateTimeOffset ZipEpoch = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly ZipArchive _archive;
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    /// <summary>Starts an archive on <paramref name="stream"/> (written sequentially).</summary>
    public NpzWriter(Stream stream, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen);
    }

    /// <summary>Adds a float32 array.</summary>
    public void Write(string name, ReadOnlySpan<float> data, ReadOnlySpan<long> shape)
    {
        using var s = OpenMember(name);
        NpyFormat.Write(s, data, shape);
    }

    /// <summary>Adds a float64 array.</summary>
    public void Write(string name, ReadOnlySpan<double> data, ReadOnlySpan<long> shape)
    {
        using var s = OpenMember(name);
        NpyFormat.Write(s, data, shape);
    }

    /// <summary>Adds an int32 array.</summary>
    public void Write(string name, ReadOnlySpan<int> data, ReadOnlySpan<long> shape)
    {
        using var s = OpenMember(name);
        NpyFormat.Write(s, data, shape);
    }

    /// <summary>Adds an int64 array.</summary>
    public void Write(string name, ReadOnlySpan<long> data, ReadOnlySpan<long> shape)
    {
        using var s = OpenMember(name);
        NpyFormat.Write(s, data, shape);
    }

    /// <summary>Adds a complex64 array.</summary>
    public void Write(string name, ReadOnlySpan<Complex32> data, ReadOnlySpan<long> shape)
    {
        using var s = OpenMember(name);
        NpyFormat.Write(s, data, shape);
    }

    /// <summary>Adds a fixed-width unicode array; an empty shape stores one string as a 0-d array.</summary>
    public void WriteStrings(string name, IReadOnlyList<string> data, ReadOnlySpan<long> shape)
    {
        using var s = OpenMember(name);
        NpyFormat.WriteStrings(s, data, shape);
    }

    /// <summary>
    /// Adds a member whose header is written now; the caller writes exactly the announced elements (little-endian,
    /// C order) to the returned stream and disposes it before adding the next member.
    /// </summary>
    public Stream OpenArray(string name, string descriptor, ReadOnlySpan<long> shape)
    {
        var s = OpenMember(name);
        NpyFormat.WriteHeader(s, descriptor, shape);
        return s;
    }

    private Stream OpenMember(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!_names.Add(name))
            throw new ArgumentException($"The archive already has an array named '{name}'.", nameof(name));
        var entry = _archive.CreateEntry(name + ".npy", CompressionLevel.NoCompression);
        // A fixed time stamp (the zip epoch, as numpy.savez writes) makes the archive's bytes depend on its arrays
        // alone: the sha256 of a training set (carried into the model file and card) is then reproducible.
        entry.LastWriteTime = ZipEpoch;
        return entry.Open();
    }

    /// <summary>Finishes the zip directory.</summary>
    public void Dispose() => _archive.Dispose();
}
