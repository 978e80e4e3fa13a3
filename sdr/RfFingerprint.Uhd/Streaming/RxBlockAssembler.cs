using System.Diagnostics;
using System.Threading.Channels;
using MathNet.Numerics;
using RfFingerprint.Uhd.Device;

namespace RfFingerprint.Uhd.Streaming;

/// <summary>
/// Turns receive results into blocks with absolute sample indices and gap counts, on the receive thread.
/// </summary>
/// <remarks>
/// <para>Indexing: with a UTC device clock, index 0 is the stream's origin (the time the clock was set to
/// just before streaming), so the first packet's index is its distance from the origin in samples; otherwise
/// the first packet is index 0. Sample <c>k</c> has time <c>anchorTime + (k - anchorIndex) / sampleRateHz</c>.
/// When a receive starts at time <c>t</c> while the next contiguous sample was expected at <c>t0</c>, the
/// <c>round((t - t0) * sampleRateHz)</c> samples in between were lost (an overflow or a reconnection);
/// the index jumps over them and the next delivered block reports them in
/// <see cref="Sdr.Streaming.IqBlock.SamplesLostBefore"/>. The anchor moves to the first sample after each gap.
/// Without usable time stamps a reconnection gap is estimated from the host's monotonic clock.</para>
/// <para>Never waits for the consumer: when every pooled buffer is in use the samples go to a scratch
/// buffer and are counted as dropped; their count is added to the next delivered block's
/// <see cref="Sdr.Streaming.IqBlock.SamplesLostBefore"/>.</para>
/// </remarks>
internal sealed class RxBlockAssembler
{
    private readonly BlockPool _pool;
    private readonly ChannelWriter<FilledBlock> _output;
    private readonly UhdSourceCounters _counters;
    private readonly Complex32[][] _scratch;
    private int _scratchTurn;

    private double _sampleRateHz;
    private bool _timesAreUtc;

    private Complex32[]? _buffer;
    private bool _bufferIsScratch;
    private int _filled;
    private long _blockFirstIndex;
    private long _blockLostBefore;
    private DateTimeOffset? _blockTimeUtc;

    private long _nextIndex;
    private long _pendingLost;
    private UhdTimeSpec? _anchorTime;
    private long _anchorIndex;
    private long? _sessionLostTimestamp;
    private UhdTimeSpec? _streamOrigin;
    private bool _started;

    public RxBlockAssembler(BlockPool pool, ChannelWriter<FilledBlock> output, UhdSourceCounters counters, int blockSamples)
    {
        _pool = pool;
        _output = output;
        _counters = counters;

        // Two, because a gap found inside a scratch block moves the new samples into the other one.
        _scratch = [new Complex32[blockSamples], new Complex32[blockSamples]];
    }

    /// <summary>Index the next contiguous sample will get.</summary>
    public long NextIndex => _nextIndex;

    /// <summary>Starts counting for a newly opened device.</summary>
    /// <param name="sampleRateHz">The device's sample rate.</param>
    /// <param name="streamOrigin">Device time of stream sample 0 when the device clock is UTC (see <see cref="IRxSession.StreamOrigin"/>).</param>
    public void BeginSession(double sampleRateHz, UhdTimeSpec? streamOrigin)
    {
        bool timesAreUtc = streamOrigin is not null;
        if (sampleRateHz != _sampleRateHz || !timesAreUtc || !_timesAreUtc)
        {
            // Time stamps of different clocks or rates cannot be compared: measure the next gap another way.
            _anchorTime = null;
        }

        _sampleRateHz = sampleRateHz;
        _timesAreUtc = timesAreUtc;
        if (!_started)
        {
            _streamOrigin = streamOrigin;
        }
    }

    /// <summary>Where the next receive should write; its first samples are then passed to <see cref="Accept"/>.</summary>
    public Span<Complex32> ReceiveSpace()
    {
        if (_buffer is null || (_bufferIsScratch && _filled == 0))
        {
            TakeBuffer();
        }

        return _buffer.AsSpan(_filled);
    }

    /// <summary>Takes in <paramref name="chunk"/>'s samples, which the receive wrote to the start of <see cref="ReceiveSpace"/>.</summary>
    public void Accept(RxChunk chunk)
    {
        int count = chunk.SampleCount;
        if (count <= 0)
        {
            return;
        }

        Interlocked.Add(ref _counters.SamplesReceived, count);
        RescueFromScratch(count);
        if (!_started)
        {
            StartAt(chunk.Time);
        }

        long lost = MeasureGap(chunk.Time);
        if (lost > 0)
        {
            Interlocked.Add(ref _counters.SamplesLost, lost);
            _nextIndex += lost;
            _pendingLost += lost;
            if (_filled > 0)
            {
                MoveChunkToNewBlock(count);
            }
        }

        if (chunk.Time is { } time && (_anchorTime is null || lost > 0))
        {
            _anchorTime = time;
            _anchorIndex = _nextIndex;
        }

        if (_filled == 0)
        {
            _blockFirstIndex = _nextIndex;
            _blockLostBefore = _pendingLost;
            _pendingLost = 0;
            _blockTimeUtc = _timesAreUtc && _anchorTime is { } anchor
                ? anchor.Add((_nextIndex - _anchorIndex) / _sampleRateHz).ToUtc()
                : null;
        }

        _filled += count;
        _nextIndex += count;
        if (_filled == _buffer!.Length)
        {
            Flush();
        }
    }

    /// <summary>UHD reported an overflow: samples are missing before the next receive, so the current block ends here.</summary>
    public void MarkOverflow()
    {
        Interlocked.Increment(ref _counters.Overflows);
        Flush();
    }

    /// <summary>The device was lost: end the current block and start timing the outage.</summary>
    public void MarkSessionLost()
    {
        Flush();
        _sessionLostTimestamp = Stopwatch.GetTimestamp();
    }

    /// <summary>Hands the current block (if it has samples) to the consumer, or counts it as dropped if it is a scratch block.</summary>
    public void Flush()
    {
        if (_buffer is null || _filled == 0)
        {
            return;
        }

        if (_bufferIsScratch)
        {
            Interlocked.Add(ref _counters.SamplesDropped, _filled);
            Interlocked.Increment(ref _counters.BlocksDropped);
            _pendingLost += _blockLostBefore + _filled;
        }
        else if (_output.TryWrite(new FilledBlock(_buffer, _filled, _blockFirstIndex, _blockTimeUtc, _blockLostBefore)))
        {
            Interlocked.Add(ref _counters.SamplesDelivered, _filled);
            Interlocked.Increment(ref _counters.BlocksDelivered);
        }
        else
        {
            // The reader is gone (source stopping): the block has nowhere to go.
            _pool.Return(_buffer);
        }

        _buffer = null;
        _filled = 0;
    }

    /// <summary>Returns an unfilled pooled buffer when the receive thread stops.</summary>
    public void Release()
    {
        if (_buffer is not null && !_bufferIsScratch && _filled == 0)
        {
            _pool.Return(_buffer);
        }

        _buffer = null;
        _filled = 0;
    }

    /// <summary>
    /// The receive was aimed at scratch because no buffer was free when it started; if the consumer has
    /// returned one while the receive waited, keep these samples instead of dropping them.
    /// </summary>
    private void RescueFromScratch(int count)
    {
        if (_bufferIsScratch && _filled == 0 && _pool.TryRent(out var pooled))
        {
            _buffer.AsSpan(0, count).CopyTo(pooled);
            _buffer = pooled;
            _bufferIsScratch = false;
        }
    }

    /// <summary>
    /// The first samples of the stream: with a UTC origin the index counts from it (streaming starts a
    /// moment after the clock was set, and those samples were never taken, so they are not lost).
    /// </summary>
    private void StartAt(UhdTimeSpec? time)
    {
        _started = true;
        if (time is { } t && _streamOrigin is { } origin)
        {
            _nextIndex = Math.Max(0, (long)Math.Round(t.SecondsSince(origin) * _sampleRateHz));
            _anchorTime = t;
            _anchorIndex = _nextIndex;
        }
    }

    private long MeasureGap(UhdTimeSpec? time)
    {
        long? sinceLoss = _sessionLostTimestamp is { } lostAt
            ? (long)Math.Round(Stopwatch.GetElapsedTime(lostAt).TotalSeconds * _sampleRateHz)
            : null;
        _sessionLostTimestamp = null;

        if (time is { } t && _anchorTime is { } anchor)
        {
            var expected = anchor.Add((_nextIndex - _anchorIndex) / _sampleRateHz);
            long lost = (long)Math.Round(t.SecondsSince(expected) * _sampleRateHz);
            if (lost >= 0)
            {
                return lost;
            }

            // The clock went backwards (reset by a reopened device): fall through to the outage estimate.
            _anchorTime = null;
        }

        return sinceLoss ?? 0;
    }

    /// <summary>
    /// A gap was found after the chunk was already written behind the current block's samples: deliver the
    /// block as it was and move the chunk to the start of a fresh buffer.
    /// </summary>
    private void MoveChunkToNewBlock(int count)
    {
        var previous = _buffer!;
        int previousFilled = _filled;
        bool previousIsScratch = _bufferIsScratch;
        _buffer = null;
        TakeBuffer(avoid: previous);
        previous.AsSpan(previousFilled, count).CopyTo(_buffer);
        var fresh = _buffer!;
        bool freshIsScratch = _bufferIsScratch;

        _buffer = previous;
        _bufferIsScratch = previousIsScratch;
        _filled = previousFilled;
        Flush();

        _buffer = fresh;
        _bufferIsScratch = freshIsScratch;
        _filled = 0;
    }

    private void TakeBuffer(Complex32[]? avoid = null)
    {
        if (_pool.TryRent(out var pooled))
        {
            _buffer = pooled;
            _bufferIsScratch = false;
            return;
        }

        var scratch = _scratch[_scratchTurn];
        if (ReferenceEquals(scratch, avoid))
        {
            _scratchTurn ^= 1;
            scratch = _scratch[_scratchTurn];
        }

        _buffer = scratch;
        _bufferIsScratch = true;
    }
}
