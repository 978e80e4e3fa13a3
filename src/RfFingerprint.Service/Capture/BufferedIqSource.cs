using System.Buffers;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using MathNet.Numerics;
using RfFingerprint.Sdr.Streaming;

namespace RfFingerprint.Service.Capture;

/// <summary>
/// Decouples a live source from its consumer: a pump task reads the inner source as fast as it delivers, copies each
/// block into a pooled buffer and offers it to a bounded queue. When the queue is full the block is dropped, never
/// waited for, so the radio's receive loop is never held up by a slow pipeline; the loss is counted in
/// <see cref="Counters"/> and announced to the consumer in the next block's <see cref="IqBlock.SamplesLostBefore"/>,
/// so the receiver sees the gap instead of splicing unrelated samples.
/// </summary>
public sealed class BufferedIqSource(IIqSource inner, int capacityBlocks) : IIqSource
{
    private readonly int _capacity = capacityBlocks >= 1
        ? capacityBlocks
        : throw new ArgumentOutOfRangeException(nameof(capacityBlocks), capacityBlocks, "The queue needs at least one block.");

    /// <inheritdoc/>
    public IqStreamInfo Info => inner.Info;

    /// <summary>What went through and what was lost so far (safe to read from any thread).</summary>
    public CaptureCounters Counters { get; } = new();

    /// <summary>Called on the consumer's side for every block it receives, before it is yielded (stream recording).</summary>
    public Action<IqBlock>? OnBlock { get; init; }

    /// <inheritdoc/>
    public async IAsyncEnumerable<IqBlock> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var queue = Channel.CreateBounded<OwnedBlock>(new BoundedChannelOptions(_capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = true,
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pump = Task.Run(() => PumpAsync(queue.Writer, stop.Token), CancellationToken.None);
        OwnedBlock? previous = null;
        try
        {
            await foreach (var block in queue.Reader.ReadAllAsync(cancellationToken))
            {
                previous?.Return();
                previous = block;
                var view = new IqBlock(block.Buffer.AsMemory(0, block.Length), block.FirstSampleIndex, block.FirstSampleTimeUtc, block.SamplesLostBefore);
                OnBlock?.Invoke(view);
                yield return view;
            }
        }
        finally
        {
            previous?.Return();
            await stop.CancelAsync();
            await pump.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            while (queue.Reader.TryRead(out var left))
            {
                left.Return();
            }
        }

        // A source failure (a radio that cannot be reopened) ends the stream with its exception.
        await pump;
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => inner.DisposeAsync();

    private async Task PumpAsync(ChannelWriter<OwnedBlock> writer, CancellationToken cancellationToken)
    {
        long droppedSinceDelivered = 0;
        try
        {
            await foreach (var block in inner.ReadAsync(cancellationToken))
            {
                var length = block.Samples.Length;
                Counters.AddReceived(length, block.SamplesLostBefore);
                var buffer = ArrayPool<Complex32>.Shared.Rent(Math.Max(1, length));
                block.Samples.Span.CopyTo(buffer);
                var owned = new OwnedBlock(buffer, length, block.FirstSampleIndex, block.FirstSampleTimeUtc, block.SamplesLostBefore + droppedSinceDelivered);
                if (writer.TryWrite(owned))
                {
                    droppedSinceDelivered = 0;
                }
                else
                {
                    owned.Return();
                    droppedSinceDelivered += block.SamplesLostBefore + length;
                    Counters.AddDropped(length);
                }
            }

            writer.TryComplete();
        }
        catch (Exception ex)
        {
            writer.TryComplete(ex is OperationCanceledException && cancellationToken.IsCancellationRequested ? null : ex);
            throw;
        }
    }

    private sealed record OwnedBlock(Complex32[] Buffer, int Length, long FirstSampleIndex, DateTimeOffset? FirstSampleTimeUtc, long SamplesLostBefore)
    {
        public void Return() => ArrayPool<Complex32>.Shared.Return(Buffer);
    }
}

/// <summary>Sample bookkeeping of a capture session. Thread-safe.</summary>
public sealed class CaptureCounters
{
    private long _samplesReceived;
    private long _samplesLostBySource;
    private long _samplesDropped;
    private long _blocksDropped;

    /// <summary>Samples the source delivered.</summary>
    public long SamplesReceived => Interlocked.Read(ref _samplesReceived);

    /// <summary>Samples the source itself reported lost (radio overflow, reconnection).</summary>
    public long SamplesLostBySource => Interlocked.Read(ref _samplesLostBySource);

    /// <summary>Samples dropped because the pipeline's queue was full.</summary>
    public long SamplesDropped => Interlocked.Read(ref _samplesDropped);

    /// <summary>Blocks dropped because the pipeline's queue was full.</summary>
    public long BlocksDropped => Interlocked.Read(ref _blocksDropped);

    /// <summary>Raised for every delivered block: (samples, samples the source lost before it).</summary>
    public event Action<long, long>? Received;

    /// <summary>Raised for every dropped block: (samples).</summary>
    public event Action<long>? Dropped;

    internal void AddReceived(long samples, long lostBefore)
    {
        Interlocked.Add(ref _samplesReceived, samples);
        Interlocked.Add(ref _samplesLostBySource, lostBefore);
        Received?.Invoke(samples, lostBefore);
    }

    internal void AddDropped(long samples)
    {
        Interlocked.Add(ref _samplesDropped, samples);
        Interlocked.Increment(ref _blocksDropped);
        Dropped?.Invoke(samples);
    }
}
