using System.Runtime.CompilerServices;
using System.Threading.Channels;
using RfFingerprint.Fingerprinting.Inference;
using RfFingerprint.Lora.Receiver;
using RfFingerprint.Pipeline.Options;
using RfFingerprint.Pipeline.Stages;
using RfFingerprint.Sdr.Streaming;

namespace RfFingerprint.Pipeline;

/// <summary>
/// The receive chain, composed once for every host: IQ source → LoRa receiver (detection, synchronisation, CFO,
/// decoding) → spectrogram → model, with bounded queues between the stages. Decisions and registry writes are made
/// by the caller (enrolment, identification, replay), which reads the fingerprinted bursts in stream order.
/// </summary>
public sealed class FingerprintPipeline
{
    private readonly FingerprintModel _model;
    private readonly ReceiverOptions _receiverOptions;
    private readonly PipelineOptions _options;

    public FingerprintPipeline(FingerprintModel model, ReceiverOptions receiverOptions, PipelineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(receiverOptions);
        _options = options ?? new PipelineOptions();
        _options.Validate();
        _model = model;
        _receiverOptions = receiverOptions;
    }

    /// <summary>The model the chain runs.</summary>
    public FingerprintModel Model => _model;

    /// <summary>
    /// Runs <paramref name="source"/> through the chain. Receiving and fingerprinting run on their own tasks, so a
    /// slow consumer only fills the bounded queues and then slows the source down. Receiver statistics of the run are
    /// reported to <paramref name="onStatistics"/> when the stream ends.
    /// </summary>
    /// <exception cref="InvalidDataException">The stream's sample rate does not fit the receiver's bandwidth.</exception>
    public async IAsyncEnumerable<FingerprintedBurst> RunAsync(
        IIqSource source,
        Action<LoraReceiverStatistics>? onStatistics = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var receiver = new ReceiverStage(source.Info, _receiverOptions);
        var fingerprinter = new FingerprintStage(_model, _options);
        var bursts = Channel.CreateBounded<ReceivedBurst>(new BoundedChannelOptions(_options.QueueCapacity) { SingleReader = true, SingleWriter = true });
        var results = Channel.CreateBounded<FingerprintedBurst>(new BoundedChannelOptions(_options.QueueCapacity) { SingleReader = true, SingleWriter = true });

        using var stages = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var receiving = Task.Run(() => receiver.RunAsync(source, bursts.Writer, stages.Token), stages.Token);
        var fingerprinting = Task.Run(() => fingerprinter.RunAsync(bursts.Reader, results.Writer, stages.Token), stages.Token);
        try
        {
            await foreach (var result in results.Reader.ReadAllAsync(cancellationToken))
                yield return result;
        }
        finally
        {
            // The consumer stopped early or failed: stop the stages too, and observe their outcome.
            await stages.CancelAsync();
            await Task.WhenAll(receiving, fingerprinting).ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        // Surface a stage failure (a corrupt capture, say) that ended the stream early.
        await receiving;
        await fingerprinting;
        onStatistics?.Invoke(receiver.Statistics);
    }
}
