using System.Threading.Channels;
using RfFingerprint.Pipeline.UseCases;
using RfFingerprint.Registry;
using RfFingerprint.Registry.Inputs;

namespace RfFingerprint.Service.Processing;

/// <summary>
/// Group commit of uploaded captures and their events: requests queue their decisions on a bounded channel and one
/// writer takes whatever is waiting (up to <see cref="MaxCapturesPerCommit"/>), registers those captures and inserts all
/// their events in a single event transaction. A request's task completes only after the transaction holding its events
/// committed, so nothing is acknowledged unwritten; a failed commit fails every request in it (none is acknowledged).
/// Events are unique per (capture, sample index), so a client retrying an upload never duplicates one.
/// </summary>
public sealed class EventGroupCommit : IAsyncDisposable
{
    /// <summary>Most captures one commit takes: bounds a commit's latency while the queue is long.</summary>
    public const int MaxCapturesPerCommit = 128;

    /// <summary>Captures that may wait for the writer before further requests wait to enqueue (back-pressure).</summary>
    public const int QueueCapacity = 1024;

    private readonly IRegistryStore _registry;
    private readonly Channel<PendingCapture> _queue = Channel.CreateBounded<PendingCapture>(new BoundedChannelOptions(QueueCapacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    private readonly Task _writer;

    /// <summary>Starts the writer.</summary>
    public EventGroupCommit(IRegistryStore registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        _registry = registry;
        _writer = Task.Run(WriteAsync);
    }

    /// <summary>
    /// Records <paramref name="decisions"/> as events of the capture <paramref name="capture"/>; completes when they are
    /// committed with the number of events this commit wrote in all (for metrics).
    /// </summary>
    /// <exception cref="ObjectDisposedException">The service is shutting down.</exception>
    public async Task<int> CommitAsync(AuthenticationService service, CaptureInfo capture, IReadOnlyList<BurstDecision> decisions, CancellationToken cancellationToken)
    {
        var pending = new PendingCapture(service, capture, decisions);
        if (!_queue.Writer.TryWrite(pending))
        {
            try
            {
                await _queue.Writer.WriteAsync(pending, cancellationToken);
            }
            catch (ChannelClosedException ex)
            {
                throw new ObjectDisposedException("the service is shutting down; nothing was recorded", ex);
            }
        }

        // Once queued, the events are written even if this request is abandoned: the commit is all or nothing per batch.
        return await pending.Done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Stops taking captures and waits for the queued ones to be written.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }

    private async Task WriteAsync()
    {
        var batch = new List<PendingCapture>(MaxCapturesPerCommit);
        var events = new List<AuthenticationEventData>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxCapturesPerCommit && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            try
            {
                foreach (var pending in batch)
                {
                    var capture = await _registry.RegisterCaptureAsync(pending.Capture);
                    foreach (var decision in pending.Decisions)
                    {
                        events.Add(pending.Service.ToEvent(capture.Id, decision));
                    }
                }

                var written = await _registry.InsertEventsAsync(events);
                foreach (var pending in batch)
                {
                    pending.Done.TrySetResult(written);
                }
            }
#pragma warning disable CA1031 // Whatever the database threw belongs to the waiting requests, and the writer must keep serving.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                foreach (var pending in batch)
                {
                    pending.Done.TrySetException(ex);
                }
            }

            batch.Clear();
            events.Clear();
        }
    }

    private sealed record PendingCapture(AuthenticationService Service, CaptureInfo Capture, IReadOnlyList<BurstDecision> Decisions)
    {
        public TaskCompletionSource<int> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
