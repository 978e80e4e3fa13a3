using System.Runtime.CompilerServices;
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

    /// <summary>How the stages are sized.</summary>
    public PipelineOptions Options => _options;

    /// <summary>
    /// Runs <paramref name="source"/> through the chain. Receiving and fingerprinting run on their own tasks, so a
    /// slow consumer only fills the bounded queues and then slows the source down. Receiver statistics of the run are
    /// reported to <paramref name="onStatistics"/> when the stream ends. The stages start on the first read.
    /// </summary>
    /// <exception cref="InvalidDataException">The stream's sample rate does not fit the receiver's bandwidth.</exception>
    public async IAsyncEnumerable<FingerprintedBurst> RunAsync(
        IIqSource source,
        Action<LoraReceiverStatistics>? onStatistics = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var run = Start(source, cancellationToken);
        await foreach (var result in run.ReadAllAsync(cancellationToken))
            yield return result;
        onStatistics?.Invoke(run.Statistics);
    }

    /// <summary>Checks that the chain can receive <paramref name="stream"/> (its sample rate fits the receiver's bandwidth).</summary>
    /// <exception cref="InvalidDataException">The stream's sample rate is not a whole multiple of the LoRa bandwidth.</exception>
    public void ThrowIfUnsupported(IqStreamInfo stream) => ReceiverStage.ThrowIfUnsupported(stream, _receiverOptions);

    /// <summary>
    /// Starts <paramref name="source"/> through the chain now and returns the running stages; results queue up (at most
    /// <see cref="PipelineOptions.QueueCapacity"/> between each pair of stages) until the caller reads them. Several runs
    /// may be started at once: they share the model, which is thread-safe.
    /// </summary>
    /// <exception cref="InvalidDataException">The stream's sample rate does not fit the receiver's bandwidth.</exception>
    public PipelineRun Start(IIqSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var receiver = new ReceiverStage(source.Info, _receiverOptions);
        var fingerprinter = new FingerprintStage(_model, _options);
        return new PipelineRun(source, receiver, fingerprinter, _options.QueueCapacity, cancellationToken);
    }
}
