using System.Text.Json.Nodes;
using MathNet.Numerics;
using RfFingerprint.Sdr.SigMF;
using RfFingerprint.Sdr.Streaming;

namespace RfFingerprint.Sdr.Recording;

/// <summary>
/// Records an IQ stream, or only the bursts found in it, to a SigMF meta/data pair.
/// </summary>
/// <remarks>
/// <para>Stream mode (<see cref="Append"/>): every sample is written; the first block and every gap
/// (<see cref="IqBlock.SamplesLostBefore"/> or a jump in <see cref="IqBlock.FirstSampleIndex"/>) start a capture
/// segment with <c>core:global_index</c> (the stream index), <c>core:datetime</c> and <c>core:frequency</c>,
/// and a gap's size is recorded as <c>rffp:samples_lost_before</c>.</para>
/// <para>Burst mode (<see cref="WriteBurst"/>): each burst becomes a capture segment (with its stream index as
/// <c>core:global_index</c>) and an annotation covering it, carrying the caller's fields (what the receiver
/// measured, as <c>namespace:key</c> JSON values), so the recorder needs no receiver types.</para>
/// <para>Crash safety comes from <see cref="SigMFRecordingWriter"/>: the metadata exists from the start and is
/// replaced atomically on each flush after the data has reached the disk.</para>
/// Not thread-safe.
/// </remarks>
public sealed class SigMFRecorder : IDisposable
{
    /// <summary>Capture field holding the samples lost immediately before a segment (stream mode).</summary>
    public const string SamplesLostKey = "rffp:samples_lost_before";

    /// <summary>Annotation field holding the burst's first-sample index in the original stream (burst mode).</summary>
    public const string StreamSampleStartKey = "rffp:stream_sample_start";

    private readonly SigMFRecordingWriter _writer;
    private readonly IqStreamInfo _info;
    private readonly SigMFRecorderOptions _options;
    private readonly HashSet<string> _declared;
    private readonly List<(long FileStart, long StreamStart)> _segments = [];
    private long _nextStreamIndex = -1;
    private long _lastFlushTimestamp;

    private SigMFRecorder(string path, IqStreamInfo info, SigMFRecorderOptions options)
    {
        _info = info;
        _options = options;
        var global = new SigMFGlobal
        {
            Datatype = options.Datatype,
            SampleRateHz = info.SampleRateHz,
            NumChannels = 1,
            Description = options.Description,
            Hardware = options.Hardware,
            Recorder = options.Recorder,
            Extensions = [new SigMFExtension(SigMFGlobal.ProjectNamespace, "1.0.0"), .. options.Extensions.Where(e => e.Name != SigMFGlobal.ProjectNamespace)],
        };
        _declared = new HashSet<string>(global.Extensions.Select(e => e.Name), StringComparer.Ordinal) { "core" };
        _writer = SigMFRecordingWriter.Create(path, global, new SigMFWriterOptions { FullScale = options.FullScale });
        _lastFlushTimestamp = options.TimeProvider.GetTimestamp();
    }

    /// <summary>Path of the metadata file being written.</summary>
    public string MetaPath => _writer.MetaPath;

    /// <summary>Samples written to the data file so far.</summary>
    public long SamplesWritten => _writer.SamplesWritten;

    /// <summary>Bursts written in burst mode.</summary>
    public int BurstCount { get; private set; }

    /// <summary>Creates the recording (data file plus initial metadata).</summary>
    /// <param name="path">Base path or the path of the <c>.sigmf-meta</c>/<c>.sigmf-data</c> file.</param>
    /// <param name="info">The stream being recorded (sample rate, centre frequency).</param>
    /// <param name="options">Datatype, scaling, flush policy; null for defaults.</param>
    /// <exception cref="IOException">The files cannot be created.</exception>
    public static SigMFRecorder Create(string path, IqStreamInfo info, SigMFRecorderOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(info);
        return new SigMFRecorder(path, info, options ?? SigMFRecorderOptions.Default);
    }

    /// <summary>
    /// Records <paramref name="source"/> until it ends or <paramref name="cancellationToken"/> fires (or
    /// <paramref name="maxSamples"/> are written), then completes the recording.
    /// </summary>
    /// <returns>Samples written.</returns>
    /// <exception cref="OperationCanceledException">The token fired; the recording is still completed and readable.</exception>
    public static async Task<long> RecordAsync(IIqSource source, string path, SigMFRecorderOptions? options = null,
        long? maxSamples = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var recorder = Create(path, source.Info, options);
        await foreach (var block in source.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var samples = block.Samples;
            if (maxSamples is { } max && recorder.SamplesWritten + samples.Length > max)
            {
                samples = samples[..(int)(max - recorder.SamplesWritten)];
            }

            recorder.Append(block with { Samples = samples });
            if (recorder.SamplesWritten >= maxSamples)
            {
                break;
            }
        }

        return recorder.SamplesWritten;
    }

    /// <summary>Stream mode: appends a block (a gap before it starts a new capture segment).</summary>
    public void Append(IqBlock block)
    {
        if (block.Samples.IsEmpty)
        {
            return;
        }

        bool gap = _nextStreamIndex < 0 || block.SamplesLostBefore > 0 || block.FirstSampleIndex != _nextStreamIndex;
        if (gap)
        {
            var fields = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
            if (_nextStreamIndex >= 0)
            {
                fields[SamplesLostKey] = Math.Max(block.SamplesLostBefore, block.FirstSampleIndex - _nextStreamIndex);
            }

            StartSegment(block.FirstSampleIndex, block.FirstSampleTimeUtc, fields);
        }

        _writer.Append(block.Samples.Span);
        _nextStreamIndex = block.FirstSampleIndex + block.Samples.Length;
        if (_options.TimeProvider.GetElapsedTime(_lastFlushTimestamp) >= _options.FlushInterval)
        {
            Flush();
        }
    }

    /// <summary>
    /// Stream mode: annotates samples already (or about to be) appended, addressed by stream index.
    /// </summary>
    /// <exception cref="ArgumentException">The range precedes the recording or a field's namespace is undeclared.</exception>
    public void Annotate(long streamSampleStart, long sampleCount, string? label, IReadOnlyDictionary<string, JsonNode?>? fields = null, string? comment = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sampleCount);
        CheckNamespaces(fields);
        long fileStart = FileIndexOf(streamSampleStart);
        _writer.AddAnnotation(new SigMFAnnotation
        {
            SampleStart = fileStart,
            SampleCount = sampleCount,
            Label = label,
            Comment = comment,
            Generator = _options.Recorder,
            Fields = Copy(fields, null),
        });
    }

    /// <summary>
    /// Burst mode: writes one burst as its own capture segment and an annotation covering it.
    /// </summary>
    /// <param name="samples">The burst's samples (copied).</param>
    /// <param name="streamSampleIndex">Index of <c>samples[0]</c> in the stream it was found in.</param>
    /// <param name="firstSampleTimeUtc">UTC time of <c>samples[0]</c>, when known.</param>
    /// <param name="label"><c>core:label</c> (e.g. "lora").</param>
    /// <param name="fields">Extra annotation fields, <c>namespace:key</c> to JSON value (e.g. <c>rffp:cfo_hz</c>); the namespace must be <c>rffp</c> or declared in the options.</param>
    /// <param name="comment"><c>core:comment</c>.</param>
    /// <returns>Index in the data file of the burst's first sample.</returns>
    /// <exception cref="ArgumentException">The burst is empty or a field's namespace is undeclared.</exception>
    public long WriteBurst(ReadOnlySpan<Complex32> samples, long streamSampleIndex, DateTimeOffset? firstSampleTimeUtc,
        string? label = null, IReadOnlyDictionary<string, JsonNode?>? fields = null, string? comment = null)
    {
        if (samples.IsEmpty)
        {
            throw new ArgumentException("A burst must have at least one sample.", nameof(samples));
        }

        CheckNamespaces(fields);
        long fileStart = _writer.SamplesWritten;
        StartSegment(streamSampleIndex, firstSampleTimeUtc, SigMFFields.Empty);
        _writer.Append(samples);
        _writer.AddAnnotation(new SigMFAnnotation
        {
            SampleStart = fileStart,
            SampleCount = samples.Length,
            Label = label,
            Comment = comment,
            Generator = _options.Recorder,
            Fields = Copy(fields, streamSampleIndex),
        });
        _nextStreamIndex = -1;
        BurstCount++;
        if (_options.FlushEveryBurst)
        {
            Flush();
        }

        return fileStart;
    }

    /// <summary>Forces data and metadata to disk (see <see cref="SigMFRecordingWriter.Flush"/>).</summary>
    public void Flush()
    {
        _writer.Flush();
        _lastFlushTimestamp = _options.TimeProvider.GetTimestamp();
    }

    /// <summary>Completes the recording (final metadata with <c>core:sha512</c>).</summary>
    public void Complete() => _writer.Complete();

    /// <summary>Completes the recording.</summary>
    public void Dispose() => _writer.Dispose();

    private void StartSegment(long streamIndex, DateTimeOffset? timeUtc, IReadOnlyDictionary<string, JsonNode?> fields)
    {
        long fileStart = _writer.SamplesWritten;
        _writer.AddCapture(new SigMFCapture
        {
            SampleStart = fileStart,
            FrequencyHz = _info.CenterFrequencyHz,
            DateTimeUtc = timeUtc,
            GlobalIndex = streamIndex,
            Fields = fields,
        });
        _segments.Add((fileStart, streamIndex));
    }

    private long FileIndexOf(long streamIndex)
    {
        for (int i = _segments.Count - 1; i >= 0; i--)
        {
            if (_segments[i].StreamStart <= streamIndex)
            {
                return _segments[i].FileStart + (streamIndex - _segments[i].StreamStart);
            }
        }

        throw new ArgumentException($"Stream sample {streamIndex} precedes the recording.", nameof(streamIndex));
    }

    private void CheckNamespaces(IReadOnlyDictionary<string, JsonNode?>? fields)
    {
        if (fields is null)
        {
            return;
        }

        foreach (var key in fields.Keys)
        {
            string? ns = SigMFFields.NamespaceOf(key);
            if (ns is null || !_declared.Contains(ns))
            {
                throw new ArgumentException(
                    $"Annotation field '{key}' must be 'namespace:name' with a namespace declared in SigMFRecorderOptions.Extensions (declared: {string.Join(", ", _declared)}).",
                    nameof(fields));
            }
        }
    }

    private static Dictionary<string, JsonNode?> Copy(IReadOnlyDictionary<string, JsonNode?>? fields, long? streamSampleStart)
    {
        var copy = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (key, value) in fields ?? SigMFFields.Empty)
        {
            copy[key] = value?.DeepClone();
        }

        if (streamSampleStart is { } start)
        {
            copy[StreamSampleStartKey] = start;
        }

        return copy;
    }
}
