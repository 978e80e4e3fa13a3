using System.Runtime.CompilerServices;
using RfFingerprint.Fingerprinting.Decisions;
using RfFingerprint.Pipeline.Captures;
using RfFingerprint.Pipeline.Options;
using RfFingerprint.Pipeline.Registry;
using RfFingerprint.Registry;
using RfFingerprint.Registry.Entities;
using RfFingerprint.Registry.Inputs;
using RfFingerprint.Sdr.Streaming;

namespace RfFingerprint.Pipeline.UseCases;

/// <summary>
/// Authenticates bursts against the enrolled devices: identify (decisions only) and replay (decisions recorded as
/// events, once per capture and burst however often a capture is replayed).
/// </summary>
public sealed class AuthenticationService
{
    /// <summary>Events are written in transactions of this many: an interruption loses at most one batch, which a rerun writes.</summary>
    public const int EventBatchSize = 256;

    /// <summary>Capture id of an event made before its capture is registered (its hash may still be running); set when the batch is written.</summary>
    private const long UnregisteredCapture = 0;

    private readonly IRegistryStore _store;
    private readonly FingerprintPipeline _pipeline;
    private readonly EnrolledPopulation _population;
    private readonly FingerprintDecider _decider;
    private readonly ModelVersion _modelVersion;
    private readonly Lock _decideLock = new();
    private long _eventsWritten;

    private AuthenticationService(IRegistryStore store, FingerprintPipeline pipeline, EnrolledPopulation population, FingerprintDecider decider, ModelVersion modelVersion, ThresholdCalibration? calibration)
    {
        _store = store;
        _pipeline = pipeline;
        _population = population;
        _decider = decider;
        _modelVersion = modelVersion;
        Calibration = calibration;
    }

    /// <summary>How the open-set threshold was set from the enrolments (null for classifier models).</summary>
    public ThresholdCalibration? Calibration { get; }

    /// <summary>The enrolled devices decisions are made against.</summary>
    public EnrolledPopulation Population => _population;

    /// <summary>The registry row of the serving model.</summary>
    public ModelVersion ModelVersion => _modelVersion;

    /// <summary>Loads the enrolments of the pipeline's model and sets the rejection threshold from them.</summary>
    /// <exception cref="InvalidDataException">No device is enrolled for this model (the message says whether other models have enrolments).</exception>
    public static async Task<AuthenticationService> CreateAsync(IRegistryStore store, FingerprintPipeline pipeline, DecisionSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(settings);
        var model = pipeline.Model;
        var modelVersion = await ModelRegistration.RegisterAsync(store, model, cancellationToken);
        var population = await EnrolledPopulation.LoadAsync(store, modelVersion, model.ModelVersion, cancellationToken);
        if (population.Enrolments.Count == 0)
        {
            var others = new List<string>();
            foreach (var version in await store.ListModelVersionsAsync(cancellationToken))
            {
                if (version.Id != modelVersion.Id && (await store.ListEnrolmentsAsync(version.Id, true, cancellationToken)).Count > 0)
                    others.Add($"{version.FileName} ({version.Sha256[..12]})");
            }

            throw new InvalidDataException(others.Count == 0
                ? $"no device is enrolled for model {model.ModelVersion}: enrol devices first (rffp enroll)"
                : $"the registry's enrolments were made with another model ({string.Join(", ", others)}), not with {Path.GetFileName(model.Path)} ({model.Sha256[..12]}): re-enrol the devices with this model");
        }

        ThresholdCalibration? calibration = null;
        var threshold = double.PositiveInfinity;
        if (model.Kind == Fingerprinting.Inference.ModelKind.Extractor)
        {
            calibration = new EmbeddingMatcher(population.Enrolments, new MatcherOptions()).Calibrate(settings.TargetFalseAcceptRate);
            threshold = calibration.Threshold;
        }

        var decider = FingerprintDecider.For(model, population.Enrolments, settings.ToDecisionOptions(threshold));
        return new AuthenticationService(store, pipeline, population, decider, modelVersion, calibration);
    }

    /// <summary>The decision for one fingerprinted burst (thread-safe; drift tracking makes decisions depend on their order).</summary>
    public Decision Decide(FingerprintedBurst burst)
    {
        ArgumentNullException.ThrowIfNull(burst);
        var claim = _population.Claim(burst.Received);
        var lora = burst.Received.Burst;
        if (!burst.HasFingerprint)
            return Decision.Undecodable(_decider.ModelVersion, burst.Problem ?? "no fingerprint", lora.CfoHz, claim);
        lock (_decideLock)
            return _decider.Decide(burst.ModelOutput, lora.CfoHz, claim);
    }

    /// <summary>
    /// Decides every burst of <paramref name="source"/>; with <paramref name="captureId"/> the decisions are also recorded
    /// as events of that capture (batched; duplicates of an earlier run are skipped by the registry).
    /// </summary>
    public IAsyncEnumerable<BurstDecision> RunAsync(IIqSource source, long? captureId, CancellationToken cancellationToken = default) =>
        RunAsync(source, captureId, events: null, cancellationToken);

    /// <summary>
    /// Decides every burst of <paramref name="source"/>; with <paramref name="captureId"/> the decisions are also recorded
    /// as events of that capture (batched; duplicates of an earlier run are skipped by the registry) and the new rows are
    /// added to <paramref name="events"/> as each batch is written.
    /// </summary>
    public IAsyncEnumerable<BurstDecision> RunAsync(IIqSource source, long? captureId, EventTally? events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        Func<CancellationToken, Task<long>>? register = captureId is { } id ? _ => Task.FromResult(id) : null;
        return DecideAsync(source.Info.Description, _pipeline.RunAsync(source, cancellationToken: cancellationToken), register, events, cancellationToken);
    }

    /// <summary>Identifies (no writes) or replays (<paramref name="record"/>: events written) one recording.</summary>
    public IAsyncEnumerable<BurstDecision> RunCaptureAsync(string path, bool record, CancellationToken cancellationToken = default) =>
        RunCapturesAsync([path], record, events: null, cancellationToken);

    /// <summary>
    /// Identifies (no writes) or replays (<paramref name="record"/>: events written, new rows added to
    /// <paramref name="events"/>) one recording.
    /// </summary>
    public IAsyncEnumerable<BurstDecision> RunCaptureAsync(string path, bool record, EventTally? events, CancellationToken cancellationToken = default) =>
        RunCapturesAsync([path], record, events, cancellationToken);

    /// <summary>
    /// Identifies (no writes) or replays (<paramref name="record"/>: events written, new rows added to
    /// <paramref name="events"/>) recordings, yielding their decisions recording after recording in the order given.
    /// </summary>
    /// <remarks>
    /// Up to <see cref="PipelineOptions.ParallelCaptures"/> recordings are received and fingerprinted at once, and a
    /// recorded one is hashed (its registry identity) while it is decoded; a recording's results wait in its bounded
    /// queues until its turn, so decisions, and the CFO drift they track, are those of a replay one after another. Every
    /// recording is opened before the first burst is decided, so a malformed one stops the run before anything is written.
    /// </remarks>
    /// <exception cref="Sdr.SigMF.SigMFFormatException">A recording is malformed (the message names the file and the field).</exception>
    /// <exception cref="InvalidDataException">A recording states no sample rate, or its rate does not fit the receiver.</exception>
    public async IAsyncEnumerable<BurstDecision> RunCapturesAsync(
        IReadOnlyList<string> paths,
        bool record,
        EventTally? events,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        // The first recordings are already being received while the others are checked (a replay's start-up is the one
        // part that runs on a single core); no burst is decided before every recording has passed.
        var validation = Task.Run(() => ValidateAsync(paths), CancellationToken.None);
        var validated = false;
        var inFlight = new Queue<CaptureReplay>();
        try
        {
            var next = 0;
            while (true)
            {
                while (next < paths.Count && inFlight.Count < _pipeline.Options.ParallelCaptures)
                    inFlight.Enqueue(await CaptureReplay.StartAsync(_pipeline, paths[next++], record, cancellationToken));
                if (!validated)
                {
                    await validation;
                    validated = true;
                }

                if (!inFlight.TryDequeue(out var current))
                    break;
                await using (current)
                {
                    Func<CancellationToken, Task<long>>? register = record ? token => current.RegisterAsync(_store, token) : null;
                    var bursts = current.Run.ReadAllAsync(cancellationToken);
                    await foreach (var decision in DecideAsync(current.Capture.Source.Info.Description, bursts, register, events, cancellationToken))
                        yield return decision;
                }
            }
        }
        finally
        {
            foreach (var replay in inFlight)
                await replay.DisposeAsync();
            // When a recording failed to start first, the check's own outcome (the same error, or none) is not needed.
            if (!validated)
                await validation.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private async Task ValidateAsync(IReadOnlyList<string> paths)
    {
        foreach (var path in paths)
        {
            await using var capture = await OpenedCapture.OpenAsync(path);
            _pipeline.ThrowIfUnsupported(capture.Source.Info);
        }
    }

    /// <summary>
    /// Events written so far by every run of this service (new rows only). Runs may overlap, so one run's count comes
    /// from the <see cref="EventTally"/> it was given, not from differences of this total.
    /// </summary>
    public long EventsWritten => Interlocked.Read(ref _eventsWritten);

    /// <summary>
    /// Decides each burst in stream order; with <paramref name="captureId"/> (which registers the capture when first
    /// called) the decisions are written as events in batches of <see cref="EventBatchSize"/>.
    /// </summary>
    private async IAsyncEnumerable<BurstDecision> DecideAsync(
        string description,
        IAsyncEnumerable<FingerprintedBurst> bursts,
        Func<CancellationToken, Task<long>>? captureId,
        EventTally? events,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Events wait for their batch without the burst they came from, so a batch does not hold 256 preambles.
        var pending = new List<AuthenticationEventData>(EventBatchSize);
        await foreach (var burst in bursts.WithCancellation(cancellationToken))
        {
            var result = new BurstDecision(description, burst, Decide(burst));
            if (captureId is not null)
            {
                pending.Add(ToEvent(UnregisteredCapture, result));
                if (pending.Count == EventBatchSize)
                    await FlushAsync(await captureId(cancellationToken), pending, events, cancellationToken);
            }

            yield return result;
        }

        if (captureId is not null)
        {
            await FlushAsync(await captureId(cancellationToken), pending, events, cancellationToken);
            await _population.SaveRangesAsync(_store, _decider.CurrentRanges, cancellationToken);
        }
    }

    private async Task FlushAsync(long captureId, List<AuthenticationEventData> pending, EventTally? events, CancellationToken cancellationToken)
    {
        if (pending.Count == 0)
            return;
        var rows = new AuthenticationEventData[pending.Count];
        for (var i = 0; i < rows.Length; i++)
            rows[i] = pending[i] with { CaptureId = captureId };
        var written = await _store.InsertEventsAsync(rows, cancellationToken);
        Interlocked.Add(ref _eventsWritten, written);
        events?.Add(written);
        pending.Clear();
    }

    /// <summary>The registry event recording <paramref name="result"/> as a burst of capture <paramref name="captureId"/>
    /// (for hosts that write events themselves, e.g. the service's group commit of uploads).</summary>
    public AuthenticationEventData ToEvent(long captureId, BurstDecision result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var lora = result.Burst.Received.Burst;
        var frame = result.Burst.Received.Lorawan;
        var device = _population.Device(result.Decision.DeviceId);
        return new AuthenticationEventData
        {
            CaptureId = captureId,
            SampleIndex = lora.SampleStart,
            TimeUtc = result.Burst.Received.TimeUtc ?? DateTimeOffset.UtcNow,
            DeviceId = device?.Id,
            Score = double.IsFinite(result.Decision.Score) ? result.Decision.Score : null,
            Verdict = result.VerdictText,
            CfoHz = double.IsFinite(lora.CfoHz) ? lora.CfoHz : 0,
            SnrDb = double.IsFinite(lora.SnrDb) ? lora.SnrDb : 0,
            ClaimedDevAddr = frame is { IsLorawan: true } ? frame.DevAddr : null,
            ClaimedDevEui = frame is { IsLorawan: true, DevEui: { } eui } ? eui.ToString("X16", System.Globalization.CultureInfo.InvariantCulture) : null,
            ModelVersionId = _modelVersion.Id,
        };
    }
}
