using RfFingerprint.Fingerprinting.Inference;
using RfFingerprint.OnnxRuntime;
using RfFingerprint.Pipeline;
using RfFingerprint.Pipeline.Options;
using RfFingerprint.Pipeline.Stages;
using RfFingerprint.Registry;

namespace RfFingerprint.Cli.Hosting;

/// <summary>
/// What the fingerprinting verbs share: the registry (migrated on open, with a message on standard error), the
/// serving model and the receive chain built from the configuration.
/// </summary>
internal sealed class PipelineHost : IAsyncDisposable
{
    private PipelineHost(IRegistryStore store, FingerprintModel model, FingerprintPipeline pipeline, DecisionSettings decision)
    {
        Store = store;
        Model = model;
        Pipeline = pipeline;
        Decision = decision;
    }

    public IRegistryStore Store { get; }

    public FingerprintModel Model { get; }

    public FingerprintPipeline Pipeline { get; }

    public DecisionSettings Decision { get; }

    /// <exception cref="CliUsageException">The model file is missing or does not fit the configuration.</exception>
    public static async Task<PipelineHost> OpenAsync(CliSettings settings, CliIo io, CancellationToken cancellationToken)
    {
        // ONNX Runtime's start-up and the registry's migration check are independent and each keeps one core busy for tens
        // of milliseconds: they overlap. A missing model file is still refused before the registry is touched.
        var modelPath = ModelPath(settings);
        StartReceiverWarmUp(settings);
        var loading = Task.Run(() => LoadModel(modelPath), CancellationToken.None);
        var opening = RegistryAccess.OpenAsync(settings, io, cancellationToken);
        FingerprintModel model;
        try
        {
            model = await loading;
        }
        catch
        {
            await CloseQuietlyAsync(opening);
            throw;
        }

        IRegistryStore store;
        try
        {
            store = await opening;
        }
        catch
        {
            model.Dispose();
            throw;
        }

        var pipelineOptions = settings.Bind<PipelineOptions>(PipelineOptions.SectionName);
        var pipeline = new FingerprintPipeline(model, ReceiverOptionsFor(settings, model), pipelineOptions);
        return new PipelineHost(store, model, pipeline, settings.Bind<DecisionSettings>(DecisionSettings.SectionName));
    }

    /// <summary>Loads the configured model (<c>Model:Path</c>, relative to the configuration file).</summary>
    public static FingerprintModel LoadModel(CliSettings settings) => LoadModel(ModelPath(settings));

    private static string ModelPath(CliSettings settings)
    {
        var options = settings.Bind<ModelOptions>(ModelOptions.SectionName);
        var path = settings.ResolvePath(options.Path);
        if (!File.Exists(path))
            throw new CliUsageException($"model '{path}' does not exist: train one with 'rffp train' or set Model:Path");
        return path;
    }

    private static FingerprintModel LoadModel(string path)
    {
        try
        {
            // One intra-op thread: the model is small and its batches come in bursts, so a pool of ONNX Runtime threads
            // spends more CPU spinning between batches than it saves; the cores go to parallel recordings instead.
            return FingerprintModel.Load(path, sessionOptions: new SessionOptions { IntraOpThreads = 1 });
        }
        catch (Exception ex) when (ex is OnnxRuntimeException or ModelCompatibilityException or InvalidDataException)
        {
            throw new CliUsageException($"model '{path}' cannot be used: {ex.Message}", ex);
        }
    }

    /// <summary>The receiver settings, checked against the model's (a model trained on SF7 cannot serve SF9 only).</summary>
    public static ReceiverOptions ReceiverOptionsFor(CliSettings settings, FingerprintModel? model)
    {
        var receiver = settings.Bind<ReceiverOptions>(ReceiverOptions.SectionName);
        if (model is not null && !receiver.SearchedSpreadingFactors.Contains(model.Preprocessing.SpreadingFactor))
        {
            throw new CliUsageException(
                $"the model fingerprints SF{model.Preprocessing.SpreadingFactor} bursts but Receiver:SpreadingFactors is [{string.Join(", ", receiver.SearchedSpreadingFactors)}]");
        }

        return receiver;
    }

    // Only a head start for the compiler: a failure here is the real receiver's to report, if it has one.
    private static void StartReceiverWarmUp(CliSettings settings)
    {
        var options = settings.Bind<ReceiverOptions>(ReceiverOptions.SectionName);
        _ = Task.Run(() => ReceiverStage.WarmUp(options), CancellationToken.None)
            .ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    // The model failed to load, so that error is the one reported; the registry, if it opened, is closed again.
    private static async Task CloseQuietlyAsync(Task<IRegistryStore> opening)
    {
        try
        {
            await (await opening).DisposeAsync();
        }
#pragma warning disable CA1031 // A second failure while giving up on the first is not worth reporting over it.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        Model.Dispose();
        await Store.DisposeAsync();
    }
}
