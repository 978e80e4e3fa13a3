using System.Threading.Channels;
using RfFingerprint.Lora.Receiver;
using RfFingerprint.Pipeline.Stages;

namespace RfFingerprint.Pipeline;

/// <summary>
/// One stream going through the chain, started by <see cref="FingerprintPipeline.Start"/>: the receiving and
/// fingerprinting stages already run on their own tasks and fill <see cref="Results"/> until its bounded queue is full.
/// </summary>
/// <remarks>
/// Starting a run before its results are wanted lets the next recording be received while the current one is being
/// consumed; the bounded queues keep what a started run holds to at most twice <see cref="PipelineOptions.QueueCapacity"/>
/// bursts, whatever the length of the stream. Disposing stops both stages and waits for them.
/// </remarks>
public sealed class PipelineRun : IAsyncDisposable
{
    private readonly ReceiverStage _receiver;
    private readonly Task _receiving;
    private readonly Task _fingerprinting;
    private readonly CancellationTokenSource _stop;
    private readonly Channel<FingerprintedBurst> _results;

    internal PipelineRun(Sdr.Streaming.IIqSource source, ReceiverStage receiver, FingerprintStage fingerprinter, int queueCapacity, CancellationToken cancellationToken)
    {
        _receiver = receiver;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var bursts = Channel.CreateBounded<ReceivedBurst>(new BoundedChannelOptions(queueCapacity) { SingleReader = true, SingleWriter = true });
        _results = Channel.CreateBounded<FingerprintedBurst>(new BoundedChannelOptions(queueCapacity) { SingleReader = true, SingleWriter = true });
        var token = _stop.Token;
        _receiving = Task.Run(() => receiver.RunAsync(source, bursts.Writer, token), token);
        _fingerprinting = Task.Run(() => fingerprinter.RunAsync(bursts.Reader, _results.Writer, token), token);
    }

    /// <summary>Fingerprinted bursts in stream order; completed (with the stage's error, if one failed) when the stream ends.</summary>
    public ChannelReader<FingerprintedBurst> Results => _results.Reader;

    /// <summary>What the receiver counted so far (final once <see cref="Completion"/> has finished).</summary>
    public LoraReceiverStatistics Statistics => _receiver.Statistics;

    /// <summary>Finishes when both stages have ended; faults with a stage's error (a corrupt recording, say).</summary>
    public Task Completion => Task.WhenAll(_receiving, _fingerprinting);

    /// <summary>Reads every result, then surfaces a stage failure that ended the stream early.</summary>
    public async IAsyncEnumerable<FingerprintedBurst> ReadAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var result in _results.Reader.ReadAllAsync(cancellationToken))
            yield return result;
        await _receiving;
        await _fingerprinting;
    }

    /// <summary>Stops both stages (if still running) and waits for them; their errors are not rethrown here.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_receiving, _fingerprinting).ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        _stop.Dispose();
    }
}
