using Microsoft.Extensions.Options;
using RfFingerprint.Fingerprinting.Inference;
using RfFingerprint.OnnxRuntime;
using OrtSessionOptions = RfFingerprint.OnnxRuntime.SessionOptions;
using RfFingerprint.Pipeline;
using RfFingerprint.Pipeline.Options;
using RfFingerprint.Pipeline.UseCases;
using RfFingerprint.Registry;
using RfFingerprint.Service.Contracts;

namespace RfFingerprint.Service.Processing;

/// <summary>
/// The service's one instance of the receive chain (<see cref="FingerprintPipeline"/>) and of the use cases built on
/// it. The model is loaded on first use (so the API starts without one); the enrolled population is cached until an
/// enrolment, revocation or deletion invalidates it. Also owns the upload path of <c>POST /api/v1/authenticate</c>
/// (<see cref="UploadReceiver"/>, <see cref="Uploads"/>, <see cref="Events"/>). Thread-safe.
/// </summary>
public sealed class PipelineProvider(
    IOptions<ModelOptions> modelOptions,
    IOptions<ReceiverOptions> receiverOptions,
    IOptions<PipelineOptions> pipelineOptions,
    IOptions<DecisionSettings> decisionSettings,
    IHostEnvironment environment,
    IRegistryStore registry) : IHealthContributor, IDisposable, IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private FingerprintModel? _model;
    private FingerprintPipeline? _pipeline;
    private string? _loadProblem;
    private AuthenticationService? _authentication;

    /// <summary>Finds the bursts of in-memory uploads (pooled receivers).</summary>
    public UploadReceiver UploadReceiver { get; } = new(receiverOptions);

    /// <summary>Fingerprints and decides the bursts of in-memory uploads (pooled stages).</summary>
    public UploadAuthenticator Uploads { get; } = new(pipelineOptions.Value);

    /// <summary>Group commit of uploads' captures and events.</summary>
    public EventGroupCommit Events { get; } = new(registry);

    /// <inheritdoc/>
    public string Name => "model";

    /// <summary>Decision settings in force.</summary>
    public DecisionSettings Decision => decisionSettings.Value;

    /// <summary>The configured model file, resolved against the content root.</summary>
    public string ModelPath => Path.GetFullPath(modelOptions.Value.Path, environment.ContentRootPath);

    /// <summary>The receive chain; loads the model on first call.</summary>
    /// <exception cref="ModelUnavailableException">The model file is missing or unusable.</exception>
    public FingerprintPipeline GetPipeline()
    {
        if (Volatile.Read(ref _pipeline) is { } ready)
        {
            return ready;
        }

        _gate.Wait();
        try
        {
            return _pipeline ??= Load();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The authentication use case over the current enrolments (cached until <see cref="InvalidateEnrolments"/>).</summary>
    /// <exception cref="ModelUnavailableException">No model, or no device enrolled for it.</exception>
    public async Task<AuthenticationService> GetAuthenticationAsync(CancellationToken cancellationToken)
    {
        var pipeline = GetPipeline();
        if (Volatile.Read(ref _authentication) is { } cached)
        {
            return cached;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_authentication is null)
            {
                try
                {
                    _authentication = await AuthenticationService.CreateAsync(registry, pipeline, decisionSettings.Value, cancellationToken);
                }
                catch (InvalidDataException ex)
                {
                    throw new ModelUnavailableException(ex.Message, ex);
                }
            }

            return _authentication;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The enrolment use case.</summary>
    /// <exception cref="ModelUnavailableException">The model file is missing or unusable.</exception>
    public EnrolmentService CreateEnrolment() => new(registry, GetPipeline(), decisionSettings.Value);

    /// <summary>Forgets the cached enrolled population (after an enrolment, a revocation or a deletion).</summary>
    public void InvalidateEnrolments() => Volatile.Write(ref _authentication, null);

    /// <inheritdoc/>
    public ComponentHealth Check()
    {
        if (Volatile.Read(ref _pipeline) is { } pipeline)
        {
            return new ComponentHealth("ok", $"{pipeline.Model.ModelVersion} ({Path.GetFileName(pipeline.Model.Path)})");
        }

        if (_loadProblem is { } problem)
        {
            return new ComponentHealth("failed", problem);
        }

        return File.Exists(ModelPath)
            ? new ComponentHealth("not loaded", $"{ModelPath} loads on first use")
            : new ComponentHealth("missing", $"{ModelPath} does not exist (set Model:Path)");
    }

    private FingerprintPipeline Load()
    {
        var path = ModelPath;
        if (!File.Exists(path))
        {
            _loadProblem = $"model '{path}' does not exist (train one with 'rffp train' or set Model:Path)";
            throw new ModelUnavailableException(_loadProblem);
        }

        FingerprintModel model;
        try
        {
            model = FingerprintModel.Load(path, sessionOptions: new OrtSessionOptions { IntraOpThreads = Math.Max(1, Environment.ProcessorCount / 2) });
        }
        catch (Exception ex) when (ex is OnnxRuntimeException or ModelCompatibilityException or InvalidDataException or DllNotFoundException)
        {
            _loadProblem = $"model '{path}' cannot be used: {ex.Message}";
            throw new ModelUnavailableException(_loadProblem, ex);
        }

        var receiver = receiverOptions.Value;
        if (!receiver.SpreadingFactors.Contains(model.Preprocessing.SpreadingFactor))
        {
            model.Dispose();
            _loadProblem = $"the model fingerprints SF{model.Preprocessing.SpreadingFactor} bursts but Receiver:SpreadingFactors is [{string.Join(", ", receiver.SpreadingFactors)}]";
            throw new ModelUnavailableException(_loadProblem);
        }

        _model = model;
        _loadProblem = null;
        return new FingerprintPipeline(model, receiver, pipelineOptions.Value);
    }

    /// <inheritdoc/>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>Writes the uploads still queued, then releases the model.</summary>
    public async ValueTask DisposeAsync()
    {
        await Events.DisposeAsync();
        _model?.Dispose();
        _gate.Dispose();
    }
}
