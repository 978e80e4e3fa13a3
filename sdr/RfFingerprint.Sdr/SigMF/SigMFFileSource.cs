using System.Buffers;
using System.Runtime.CompilerServices;
using MathNet.Numerics;
using RfFingerprint.Sdr.Streaming;

namespace RfFingerprint.Sdr.SigMF;

/// <summary>Replays a SigMF recording as an <see cref="IIqSource"/>.</summary>
/// <remarks>
/// Each enumeration rents one sample buffer and one byte buffer of <see cref="SigMFReplayOptions.BlockSamples"/>
/// samples from the shared pools and reuses them for every block, so replaying a file of any size uses a
/// fixed amount of memory; a block is valid until the consumer asks for the next one. Blocks never straddle
/// a capture-segment boundary, so each block's time stamp comes from its own segment's <c>core:datetime</c>.
/// </remarks>
public sealed class SigMFFileSource : IIqSource
{
    private readonly SigMFRecording _recording;
    private readonly bool _ownsRecording;
    private readonly SigMFReplayOptions _options;
    private readonly long _endSample;
    private readonly long[] _indexOffsets;

    /// <summary>Replays an open recording.</summary>
    /// <param name="recording">The recording; see <paramref name="ownsRecording"/>.</param>
    /// <param name="options">Block size, pacing, range; null for defaults.</param>
    /// <param name="ownsRecording">Dispose <paramref name="recording"/> when the source is disposed.</param>
    /// <exception cref="ArgumentOutOfRangeException">Block size not positive, or the range lies outside the recording.</exception>
    /// <exception cref="SigMFFormatException">No sample rate is recorded and none is given, or global indices run backwards with <see cref="SigMFReplayOptions.FollowGlobalIndex"/>.</exception>
    public SigMFFileSource(SigMFRecording recording, SigMFReplayOptions? options = null, bool ownsRecording = false)
    {
        ArgumentNullException.ThrowIfNull(recording);
        _options = options ?? SigMFReplayOptions.Default;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.BlockSamples, "options.BlockSamples");
        ArgumentOutOfRangeException.ThrowIfNegative(_options.StartSample, "options.StartSample");
        ArgumentOutOfRangeException.ThrowIfGreaterThan(_options.StartSample, recording.SampleCount, "options.StartSample");
        _endSample = _options.SampleCount is { } count
            ? _options.StartSample + count
            : recording.SampleCount;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(_endSample, recording.SampleCount, "options.SampleCount");
        ArgumentOutOfRangeException.ThrowIfLessThan(_endSample, _options.StartSample, "options.SampleCount");

        double sampleRateHz = recording.SampleRateHz ?? _options.FallbackSampleRateHz
            ?? throw new SigMFFormatException(recording.DisplayName, $"{SigMFKeys.Global}.{SigMFKeys.SampleRate}",
                "the recording has no sample rate; give SigMFReplayOptions.FallbackSampleRateHz to replay it");

        _recording = recording;
        _ownsRecording = ownsRecording;
        _indexOffsets = ComputeIndexOffsets(recording, _options.FollowGlobalIndex);
        int first = recording.CaptureIndexAt(_options.StartSample);
        Info = new IqStreamInfo(
            sampleRateHz,
            recording.FrequencyAt(_options.StartSample) ?? (recording.Metadata.Captures.Count > 0 ? recording.Metadata.Captures[0].FrequencyHz : null) ?? 0,
            recording.DisplayName,
            recording.TimeOfSample(_options.StartSample) ?? (first < 0 ? null : recording.Metadata.Captures[first].DateTimeUtc));
    }

    /// <inheritdoc/>
    public IqStreamInfo Info { get; }

    /// <summary>The recording being replayed.</summary>
    public SigMFRecording Recording => _recording;

    /// <summary>Opens the recording at <paramref name="path"/> (see <see cref="SigMFRecording.Open"/>) and replays it; the source owns it.</summary>
    /// <exception cref="SigMFFormatException">As for <see cref="SigMFRecording.Open"/> and the constructor.</exception>
    public static SigMFFileSource Open(string path, SigMFReplayOptions? options = null, SigMFOpenOptions? openOptions = null)
    {
        var recording = SigMFRecording.Open(path, openOptions);
        try
        {
            return new SigMFFileSource(recording, options, ownsRecording: true);
        }
        catch
        {
            recording.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<IqBlock> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        int blockSamples = (int)Math.Min(_options.BlockSamples, Math.Max(1, _endSample - _options.StartSample));
        int bytesPerSample = _recording.Datatype.BytesPerSample;
        byte[] bytes = ArrayPool<byte>.Shared.Rent(blockSamples * bytesPerSample);
        Complex32[] samples = ArrayPool<Complex32>.Shared.Rent(blockSamples);
        var clock = _options.TimeProvider;
        long startTimestamp = clock.GetTimestamp();
        try
        {
            long position = _options.StartSample;
            long previousOffset = _indexOffsets.Length == 0 ? 0 : _indexOffsets[Math.Max(0, _recording.CaptureIndexAt(position))];
            while (position < _endSample)
            {
                cancellationToken.ThrowIfCancellationRequested();
                int capture = _recording.CaptureIndexAt(position);
                long segmentEnd = capture + 1 < _recording.Metadata.Captures.Count
                    ? _recording.Metadata.Captures[capture + 1].SampleStart
                    : long.MaxValue;
                int n = (int)Math.Min(blockSamples, Math.Min(_endSample, segmentEnd) - position);
                var raw = bytes.AsMemory(0, n * bytesPerSample);
                await ReadExactlyAsync(raw, _recording.ByteOffsetOf(position), cancellationToken).ConfigureAwait(false);
                SigMFSampleCodec.Decode(_recording.Datatype, raw.Span, samples.AsSpan(0, n), _recording.FullScale);

                long offset = _indexOffsets.Length == 0 ? 0 : _indexOffsets[Math.Max(0, capture)];
                long lost = offset - previousOffset;
                previousOffset = offset;
                long consumed = position + n - _options.StartSample;
                if (_options.Pacing == ReplayPacing.RealTime)
                {
                    var due = TimeSpan.FromSeconds(consumed / Info.SampleRateHz);
                    var wait = due - clock.GetElapsedTime(startTimestamp);
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait, clock, cancellationToken).ConfigureAwait(false);
                    }
                }

                yield return new IqBlock(samples.AsMemory(0, n), position + offset, _recording.TimeOfSample(position), lost);
                position += n;
            }
        }
        finally
        {
            ArrayPool<Complex32>.Shared.Return(samples);
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        if (_ownsRecording)
        {
            _recording.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    private async ValueTask ReadExactlyAsync(Memory<byte> destination, long fileOffset, CancellationToken cancellationToken)
    {
        while (!destination.IsEmpty)
        {
            int n = await RandomAccess.ReadAsync(_recording.DataHandle, destination, fileOffset, cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                throw new SigMFFormatException(_recording.ArchivePath ?? _recording.DataPath, null, "data file ended early (truncated while replaying?)");
            }

            destination = destination[n..];
            fileOffset += n;
        }
    }

    /// <summary>Per capture segment, global index minus file index (all zero unless following global indices).</summary>
    private static long[] ComputeIndexOffsets(SigMFRecording recording, bool followGlobalIndex)
    {
        var captures = recording.Metadata.Captures;
        var offsets = new long[captures.Count];
        if (!followGlobalIndex)
        {
            return offsets;
        }

        for (int i = 0; i < captures.Count; i++)
        {
            offsets[i] = captures[i].GlobalIndex is { } global
                ? global - captures[i].SampleStart
                : (i == 0 ? 0 : offsets[i - 1]);
            if (i > 0 && offsets[i] < offsets[i - 1])
            {
                throw new SigMFFormatException(recording.DisplayName, $"{SigMFKeys.Captures}[{i}].{SigMFKeys.GlobalIndex}",
                    "global indices run backwards, so the stream cannot be replayed in order");
            }
        }

        return offsets;
    }
}
