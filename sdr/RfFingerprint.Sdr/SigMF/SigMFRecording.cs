using System.Buffers;
using System.Formats.Tar;
using System.Security.Cryptography;
using MathNet.Numerics;
using Microsoft.Win32.SafeHandles;

namespace RfFingerprint.Sdr.SigMF;

/// <summary>
/// An open SigMF recording (a meta/data pair or a <c>.sigmf</c> archive): its metadata and random access to its samples.
/// </summary>
/// <remarks>
/// Samples are read straight from the data file (inside the archive when there is one) in pooled chunks, so
/// a recording of any size costs a bounded amount of memory. The data file is opened with sharing for
/// writers, so a recording still being written (or left behind by a crash) can be read; a data file longer
/// than its annotations is accepted. Reads are thread-safe.
/// </remarks>
public sealed class SigMFRecording : IDisposable
{
    private const int ChunkBytes = 1 << 16;

    // Hashing reads the whole file: 1 MiB reads hashed 820 MB/s on one core here, 64 KiB reads 730 MB/s (a quarter of
    // a replay's CPU time is this hash).
    private const int HashChunkBytes = 1 << 20;

    private readonly SafeFileHandle _data;
    private readonly long _dataOffsetBytes;
    private readonly float _fullScale;

    private SigMFRecording(SigMFMetadata metadata, string metaPath, string dataPath, string? archivePath,
        SafeFileHandle data, long dataOffsetBytes, long dataLengthBytes)
    {
        Metadata = metadata;
        MetaPath = metaPath;
        DataPath = dataPath;
        ArchivePath = archivePath;
        _data = data;
        _dataOffsetBytes = dataOffsetBytes;
        DataLengthBytes = dataLengthBytes;
        _fullScale = metadata.Global.FullScale;
        string dataName = archivePath is null ? dataPath : $"{archivePath}!{dataPath}";
        long sampleBytes = dataLengthBytes - (metadata.Global.TrailingBytes ?? 0);
        if (sampleBytes < 0 || sampleBytes % metadata.Global.Datatype.BytesPerSample != 0)
        {
            throw new SigMFFormatException(dataName, $"{SigMFKeys.Global}.{SigMFKeys.Datatype}",
                $"data length {dataLengthBytes} bytes is not a whole number of {metadata.Global.Datatype.BytesPerSample}-byte {metadata.Global.Datatype.Name} samples");
        }

        SampleCount = sampleBytes / metadata.Global.Datatype.BytesPerSample;
        string metaName = archivePath is null ? metaPath : $"{archivePath}!{metaPath}";
        for (int i = 0; i < metadata.Annotations.Count; i++)
        {
            SigMFMetadataValidator.CheckInsideData(metadata.Annotations[i], SampleCount, metaName, $"{SigMFKeys.Annotations}[{i}]");
        }

        for (int i = 0; i < metadata.Captures.Count; i++)
        {
            if (metadata.Captures[i].SampleStart > SampleCount)
            {
                throw new SigMFFormatException(metaName, $"{SigMFKeys.Captures}[{i}].{SigMFKeys.SampleStart}",
                    $"capture starts at sample {metadata.Captures[i].SampleStart}, beyond the {SampleCount} samples of the data");
            }
        }
    }

    /// <summary>The parsed metadata.</summary>
    public SigMFMetadata Metadata { get; }

    /// <summary>Path of the metadata file (inside the archive when <see cref="ArchivePath"/> is set).</summary>
    public string MetaPath { get; }

    /// <summary>Path of the data file (inside the archive when <see cref="ArchivePath"/> is set).</summary>
    public string DataPath { get; }

    /// <summary>Path of the <c>.sigmf</c> archive, or null for a meta/data pair.</summary>
    public string? ArchivePath { get; }

    /// <summary>What to call this recording in logs: the archive or the metadata path.</summary>
    public string DisplayName => ArchivePath ?? MetaPath;

    /// <summary>Length of the data file in bytes.</summary>
    public long DataLengthBytes { get; }

    /// <summary>Complex samples in the data file.</summary>
    public long SampleCount { get; }

    /// <summary>The sample datatype.</summary>
    public SigMFDatatype Datatype => Metadata.Global.Datatype;

    /// <summary><c>core:sample_rate</c>, when recorded.</summary>
    public double? SampleRateHz => Metadata.Global.SampleRateHz;

    /// <summary>
    /// Opens a recording from the path of its <c>.sigmf-meta</c> file, its <c>.sigmf-data</c> file, its base
    /// name, or a <c>.sigmf</c> archive (the first recording in it).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    /// <exception cref="SigMFFormatException">A file is missing, the metadata is malformed or unsupported, the data
    /// length is not a whole number of samples, an annotation reaches beyond the data, or (when
    /// <see cref="SigMFOpenOptions.VerifySha512"/> is set) the data does not match <c>core:sha512</c>.</exception>
    /// <exception cref="IOException">The files exist but cannot be read.</exception>
    public static SigMFRecording Open(string path, SigMFOpenOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= SigMFOpenOptions.Default;
        var recording = SigMFPaths.IsArchive(path) ? OpenArchive(path) : OpenPair(path);
        if (options.VerifySha512)
        {
            try
            {
                recording.VerifySha512();
            }
            catch
            {
                recording.Dispose();
                throw;
            }
        }

        return recording;
    }

    /// <summary>Reads samples starting at <paramref name="firstSample"/> into <paramref name="destination"/>.</summary>
    /// <returns>Samples read: <c>min(destination.Length, SampleCount - firstSample)</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="firstSample"/> is negative or beyond the end.</exception>
    public int ReadSamples(long firstSample, Span<Complex32> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstSample);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(firstSample, SampleCount);
        int total = (int)Math.Min(destination.Length, SampleCount - firstSample);
        int bytesPerSample = Datatype.BytesPerSample;
        int chunkSamples = ChunkBytes / bytesPerSample;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(chunkSamples * bytesPerSample);
        try
        {
            for (int done = 0; done < total;)
            {
                int n = Math.Min(chunkSamples, total - done);
                var bytes = buffer.AsSpan(0, n * bytesPerSample);
                ReadExactly(bytes, ByteOffsetOf(firstSample + done));
                SigMFSampleCodec.Decode(Datatype, bytes, destination.Slice(done, n), _fullScale);
                done += n;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return total;
    }

    /// <summary>Reads <paramref name="count"/> samples from <paramref name="firstSample"/> into a new array (for small excerpts such as one burst).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is not inside the recording.</exception>
    public Complex32[] ReadSamples(long firstSample, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(firstSample + count, SampleCount, nameof(count));
        var samples = new Complex32[count];
        ReadSamples(firstSample, samples);
        return samples;
    }

    /// <summary>Index of the capture segment that holds <paramref name="sample"/>, or -1 when it precedes every segment.</summary>
    public int CaptureIndexAt(long sample)
    {
        var captures = Metadata.Captures;
        int lo = 0, hi = captures.Count - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (captures[mid].SampleStart <= sample)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found;
    }

    /// <summary>
    /// UTC time of <paramref name="sample"/>: the <c>core:datetime</c> of its capture segment plus
    /// (sample - segment start) / sample rate; null when the segment has no time or the rate is unknown.
    /// </summary>
    public DateTimeOffset? TimeOfSample(long sample)
    {
        int index = CaptureIndexAt(sample);
        if (index < 0 || Metadata.Captures[index].DateTimeUtc is not { } start || SampleRateHz is not { } rate)
        {
            return null;
        }

        double seconds = (sample - Metadata.Captures[index].SampleStart) / rate;
        return start.AddTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
    }

    /// <summary>Centre frequency of the capture segment holding <paramref name="sample"/>, when recorded.</summary>
    public double? FrequencyAt(long sample)
    {
        int index = CaptureIndexAt(sample);
        return index < 0 ? null : Metadata.Captures[index].FrequencyHz;
    }

    /// <summary>SHA-512 of the data file, lower-case hex.</summary>
    public string ComputeSha512()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA512);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(HashChunkBytes);
        try
        {
            for (long done = 0; done < DataLengthBytes;)
            {
                int n = (int)Math.Min(HashChunkBytes, DataLengthBytes - done);
                ReadExactly(buffer.AsSpan(0, n), _dataOffsetBytes + done);
                hash.AppendData(buffer, 0, n);
                done += n;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Compares the data file's SHA-512 with <c>core:sha512</c>.</summary>
    /// <returns><see cref="Sha512Check.NotRecorded"/> when the metadata has no hash, else <see cref="Sha512Check.Verified"/>.</returns>
    /// <exception cref="SigMFFormatException">The hashes differ.</exception>
    public Sha512Check VerifySha512()
    {
        if (Metadata.Global.Sha512 is not { } expected)
        {
            return Sha512Check.NotRecorded;
        }

        string actual = ComputeSha512();
        if (!string.Equals(expected, actual, StringComparison.OrdinalIgnoreCase))
        {
            throw new SigMFFormatException(ArchivePath ?? DataPath, $"{SigMFKeys.Global}.{SigMFKeys.Sha512}",
                $"data does not match the recorded hash (recorded {expected[..16]}..., computed {actual[..16]}...)");
        }

        return Sha512Check.Verified;
    }

    /// <summary>Closes the data file.</summary>
    public void Dispose() => _data.Dispose();

    internal long ByteOffsetOf(long sample) => _dataOffsetBytes + (sample * Datatype.BytesPerSample);

    internal SafeFileHandle DataHandle => _data;

    internal float FullScale => _fullScale;

    internal void ReadExactly(Span<byte> destination, long fileOffset)
    {
        while (!destination.IsEmpty)
        {
            int n = RandomAccess.Read(_data, destination, fileOffset);
            if (n == 0)
            {
                throw new SigMFFormatException(ArchivePath ?? DataPath, null, "data file ended early (truncated while open?)");
            }

            destination = destination[n..];
            fileOffset += n;
        }
    }

    private static SigMFRecording OpenPair(string path)
    {
        string metaPath = SigMFPaths.MetaPath(path);
        string dataPath = SigMFPaths.DataPath(path);
        if (!File.Exists(metaPath))
        {
            throw new SigMFFormatException(metaPath, null, "metadata file not found");
        }

        if (!File.Exists(dataPath))
        {
            throw new SigMFFormatException(dataPath, null, $"data file not found (metadata {Path.GetFileName(metaPath)} has no data beside it)");
        }

        var metadata = SigMFMetadata.Parse(File.ReadAllBytes(metaPath), metaPath);
        var handle = OpenShared(dataPath);
        try
        {
            return new SigMFRecording(metadata, metaPath, dataPath, null, handle, 0, RandomAccess.GetLength(handle));
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    private static SigMFRecording OpenArchive(string archivePath)
    {
        if (!File.Exists(archivePath))
        {
            throw new SigMFFormatException(archivePath, null, "archive not found");
        }

        var entries = new Dictionary<string, (long Offset, long Length)>(StringComparer.Ordinal);
        string? metaName = null;
        byte[]? metaBytes = null;
        using (var stream = File.OpenRead(archivePath))
        {
            try
            {
                using var reader = new TarReader(stream);
                while (reader.GetNextEntry() is { } entry)
                {
                    if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile))
                    {
                        continue;
                    }

                    entries[entry.Name] = (entry.DataOffset, entry.Length);
                    if (metaName is null && entry.Name.EndsWith(SigMFPaths.MetaExtension, StringComparison.Ordinal) && entry.DataStream is { } data)
                    {
                        metaName = entry.Name;
                        using var copy = new MemoryStream();
                        data.CopyTo(copy);
                        metaBytes = copy.ToArray();
                    }
                }
            }
            catch (InvalidDataException ex)
            {
                throw new SigMFFormatException(archivePath, null, $"not a valid tar archive ({ex.Message})", ex);
            }
        }

        if (metaName is null || metaBytes is null)
        {
            throw new SigMFFormatException(archivePath, null, "archive holds no .sigmf-meta file");
        }

        string dataName = SigMFPaths.DataPath(metaName);
        if (!entries.TryGetValue(dataName, out var dataEntry))
        {
            throw new SigMFFormatException(archivePath, null, $"archive holds {metaName} but not {dataName}");
        }

        var metadata = SigMFMetadata.Parse(metaBytes, $"{archivePath}!{metaName}");
        var handle = OpenShared(archivePath);
        try
        {
            return new SigMFRecording(metadata, metaName, dataName, archivePath, handle, dataEntry.Offset, dataEntry.Length);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    private static SafeFileHandle OpenShared(string path) =>
        File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
}
