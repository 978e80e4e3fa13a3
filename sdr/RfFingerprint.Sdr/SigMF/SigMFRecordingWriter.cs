using System.Buffers;
using System.Security.Cryptography;
using MathNet.Numerics;

namespace RfFingerprint.Sdr.SigMF;

/// <summary>
/// Writes a SigMF recording (meta/data pair) incrementally: samples are appended to the data file, capture
/// segments and annotations are collected, and the metadata is rewritten atomically on every
/// <see cref="Flush"/> and when the writer is completed.
/// </summary>
/// <remarks>
/// Crash safety: the metadata is written as soon as the writer is created, and each flush first forces the
/// data to disk and then replaces the metadata via a temporary file and a rename, listing only annotations
/// that lie inside the flushed data. A process killed at any point therefore leaves a pair that
/// <see cref="SigMFRecording.Open"/> reads: the data may be longer than the last annotation, never shorter.
/// The SHA-512 is recorded only on completion, because the data may still grow before that.
/// Not thread-safe: one writer thread.
/// </remarks>
public sealed class SigMFRecordingWriter : IDisposable
{
    private const int ChunkSamples = 8192;

    private readonly FileStream _data;
    private readonly IncrementalHash? _hash;
    private readonly List<SigMFCapture> _captures = [];
    private readonly List<SigMFAnnotation> _annotations = [];
    private readonly float _fullScale;
    private SigMFGlobal _global;
    private bool _completed;

    private SigMFRecordingWriter(string path, SigMFGlobal global, SigMFWriterOptions options)
    {
        MetaPath = SigMFPaths.MetaPath(path);
        DataPath = SigMFPaths.DataPath(path);
        _fullScale = global.Datatype.IsInteger ? options.FullScale : 1f;
        _global = global with { Sha512 = null };
        if (global.Datatype.IsInteger)
        {
            _global = _global
                .WithExtension(new SigMFExtension(SigMFGlobal.ProjectNamespace, "1.0.0"))
                .WithField(SigMFGlobal.FullScaleKey, (double)options.FullScale);
        }

        new SigMFMetadata { Global = _global }.Validate(MetaPath);
        string? directory = Path.GetDirectoryName(Path.GetFullPath(DataPath));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        _data = new FileStream(DataPath, options.Overwrite ? FileMode.Create : FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1 << 16);
        _hash = options.RecordSha512 ? IncrementalHash.CreateHash(HashAlgorithmName.SHA512) : null;
        WriteMeta(includeHash: false);
    }

    /// <summary>Path of the metadata file being written.</summary>
    public string MetaPath { get; }

    /// <summary>Path of the data file being written.</summary>
    public string DataPath { get; }

    /// <summary>Samples appended so far.</summary>
    public long SamplesWritten { get; private set; }

    /// <summary>Samples known to be on disk, as listed by the last metadata written.</summary>
    public long SamplesFlushed { get; private set; }

    /// <summary>The global object as it will be written.</summary>
    public SigMFGlobal Global => _global;

    /// <summary>
    /// Creates the data file and writes an initial metadata file.
    /// </summary>
    /// <param name="path">Base path, or the path of the <c>.sigmf-meta</c> or <c>.sigmf-data</c> file to create.</param>
    /// <param name="global">Global metadata; its datatype selects the encoding (any of <see cref="SigMFDatatype.All"/>).</param>
    /// <param name="options">Scaling, hashing, overwrite; null for <see cref="SigMFWriterOptions.Default"/>.</param>
    /// <exception cref="ArgumentException">Bad path or full scale.</exception>
    /// <exception cref="SigMFFormatException"><paramref name="global"/> breaks a schema rule (e.g. an undeclared extension namespace).</exception>
    /// <exception cref="IOException">The files cannot be created (or exist and <see cref="SigMFWriterOptions.Overwrite"/> is false).</exception>
    public static SigMFRecordingWriter Create(string path, SigMFGlobal global, SigMFWriterOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(global);
        options ??= SigMFWriterOptions.Default;
        if (!(options.FullScale > 0 && float.IsFinite(options.FullScale)))
        {
            throw new ArgumentException($"Full scale must be positive and finite (was {options.FullScale}).", nameof(options));
        }

        return new SigMFRecordingWriter(path, global, options);
    }

    /// <summary>Writes a whole recording in one call and returns its metadata path.</summary>
    /// <exception cref="SigMFFormatException">The metadata breaks a schema rule, or an annotation reaches beyond <paramref name="samples"/>.</exception>
    public static string Write(string path, SigMFGlobal global, ReadOnlySpan<Complex32> samples,
        IEnumerable<SigMFCapture>? captures = null, IEnumerable<SigMFAnnotation>? annotations = null, SigMFWriterOptions? options = null)
    {
        using var writer = Create(path, global, options);
        foreach (var capture in captures ?? [])
        {
            writer.AddCapture(capture);
        }

        writer.Append(samples);
        foreach (var annotation in annotations ?? [])
        {
            writer.AddAnnotation(annotation);
        }

        writer.Complete();
        return writer.MetaPath;
    }

    /// <summary>Appends samples to the data file.</summary>
    /// <exception cref="InvalidOperationException">The writer was completed.</exception>
    public void Append(ReadOnlySpan<Complex32> samples)
    {
        ThrowIfCompleted();
        int bytesPerSample = _global.Datatype.BytesPerSample;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(ChunkSamples * bytesPerSample);
        try
        {
            while (!samples.IsEmpty)
            {
                int n = Math.Min(ChunkSamples, samples.Length);
                var bytes = buffer.AsSpan(0, n * bytesPerSample);
                SigMFSampleCodec.Encode(_global.Datatype, samples[..n], bytes, _fullScale);
                _data.Write(bytes);
                _hash?.AppendData(bytes);
                SamplesWritten += n;
                samples = samples[n..];
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Adds a capture segment; segments must be added in increasing order of sample start.</summary>
    /// <exception cref="ArgumentException">The segment does not start after the previous one.</exception>
    public void AddCapture(SigMFCapture capture)
    {
        ArgumentNullException.ThrowIfNull(capture);
        ThrowIfCompleted();
        if (capture.SampleStart < 0 || (_captures.Count > 0 && capture.SampleStart <= _captures[^1].SampleStart))
        {
            throw new ArgumentException(
                $"Capture segments must start at increasing, non-negative samples (got {capture.SampleStart} after {(_captures.Count > 0 ? _captures[^1].SampleStart : -1)}).",
                nameof(capture));
        }

        _captures.Add(capture);
    }

    /// <summary>
    /// Adds an annotation (in any order; they are written sorted). It is written with the first flush at which
    /// the data covers it.
    /// </summary>
    public void AddAnnotation(SigMFAnnotation annotation)
    {
        ArgumentNullException.ThrowIfNull(annotation);
        ThrowIfCompleted();
        _annotations.Add(annotation);
    }

    /// <summary>Adds or replaces a global extension field (its namespace must be declared).</summary>
    public void SetGlobalField(string key, System.Text.Json.Nodes.JsonNode? value)
    {
        ThrowIfCompleted();
        _global = _global.WithField(key, value);
    }

    /// <summary>Declares an extension namespace in <c>core:extensions</c>.</summary>
    public void DeclareExtension(SigMFExtension extension)
    {
        ThrowIfCompleted();
        _global = _global.WithExtension(extension);
    }

    /// <summary>Forces the data to disk, then atomically rewrites the metadata to describe it.</summary>
    /// <exception cref="SigMFFormatException">The collected metadata breaks a schema rule.</exception>
    public void Flush()
    {
        ThrowIfCompleted();
        _data.Flush(flushToDisk: true);
        SamplesFlushed = SamplesWritten;
        WriteMeta(includeHash: false);
    }

    /// <summary>
    /// Finishes the recording: flushes the data, writes the final metadata (with <c>core:sha512</c> when
    /// enabled) and closes the data file. Idempotent.
    /// </summary>
    /// <exception cref="SigMFFormatException">An annotation reaches beyond the data, or another schema rule is broken.</exception>
    public void Complete()
    {
        if (_completed)
        {
            return;
        }

        _data.Flush(flushToDisk: true);
        SamplesFlushed = SamplesWritten;
        _completed = true;
        var metadata = BuildMetadata(includeHash: true, onlyInsideData: false);
        try
        {
            metadata.Validate(MetaPath, SamplesWritten);
            AtomicFile.WriteAllBytes(MetaPath, metadata.ToUtf8Json());
        }
        finally
        {
            _data.Dispose();
            _hash?.Dispose();
        }
    }

    /// <summary>Completes the recording (see <see cref="Complete"/>).</summary>
    public void Dispose() => Complete();

    private void WriteMeta(bool includeHash)
    {
        var metadata = BuildMetadata(includeHash, onlyInsideData: true);
        metadata.Validate(MetaPath, SamplesFlushed);
        AtomicFile.WriteAllBytes(MetaPath, metadata.ToUtf8Json());
    }

    private SigMFMetadata BuildMetadata(bool includeHash, bool onlyInsideData)
    {
        var global = _global;
        if (includeHash && _hash is not null)
        {
            global = global with { Sha512 = Convert.ToHexStringLower(_hash.GetCurrentHash()) };
        }

        var captures = onlyInsideData ? _captures.Where(c => c.SampleStart <= SamplesFlushed) : _captures;
        var annotations = onlyInsideData
            ? _annotations.Where(a => a.SampleStart + (a.SampleCount ?? 0) <= SamplesFlushed)
            : _annotations;
        return new SigMFMetadata
        {
            Global = global,
            Captures = captures.ToList(),
            Annotations = annotations.OrderBy(a => a.SampleStart).ToList(),
        };
    }

    private void ThrowIfCompleted() => ObjectDisposedException.ThrowIf(_completed, this);
}
