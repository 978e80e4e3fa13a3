using RfFingerprint.Pipeline.UseCases;
using RfFingerprint.Service.Live;
using RfFingerprint.Service.Processing;
using RfFingerprint.Service.Telemetry;

namespace RfFingerprint.Service.Jobs;

/// <summary>Replays a recording of the capture folder, recording each burst's decision as an event.</summary>
public sealed class ReplayJob(
    PipelineProvider pipelines,
    CaptureStore captures,
    DecisionBroadcaster broadcaster,
    JobProgressTracker tracker,
    ServiceMetrics metrics,
    ILogger<ReplayJob> logger)
    : ServiceJob<ReplayRequest>(tracker, metrics, logger)
{
    private readonly ServiceMetrics _metrics = metrics;

    protected override async Task<object> RunAsync(ReplayRequest request, JobContext context, CancellationToken cancellationToken)
    {
        var path = captures.Find(request.Capture)
            ?? throw new FileNotFoundException($"capture '{request.Capture}' is not in the capture folder");
        var authentication = await pipelines.GetAuthenticationAsync(cancellationToken);
        var events = new EventTally();
        var verdicts = new Dictionary<string, int>(StringComparer.Ordinal);
        long totalSamples;
        using (var recording = Sdr.SigMF.SigMFRecording.Open(path))
        {
            totalSamples = Math.Max(1, recording.SampleCount);
        }

        var bursts = 0;
        await foreach (var decision in authentication.RunCaptureAsync(path, record: true, events, cancellationToken))
        {
            bursts++;
            verdicts[decision.VerdictText] = verdicts.GetValueOrDefault(decision.VerdictText) + 1;
            _metrics.Decisions.Add(1, new KeyValuePair<string, object?>("verdict", decision.VerdictText));
            broadcaster.Publish(LiveDecisions.From(decision, captureId: null));
            var sample = decision.Burst.Received.Burst.SampleStart;
            context.Progress((double)sample / totalSamples, $"{bursts} bursts");
        }

        var written = events.Written;
        _metrics.EventsWritten.Add(written);
        return new ReplayResult(request.Capture, bursts, written, verdicts, context.Recovering);
    }
}

/// <summary>What a replay job replays.</summary>
/// <param name="Capture">Name of a recording in the capture folder.</param>
public sealed record ReplayRequest(string Capture);

/// <summary>What a replay found.</summary>
/// <param name="Capture">The recording.</param>
/// <param name="Bursts">Bursts decided.</param>
/// <param name="EventsWritten">New events stored (0 when the capture had been replayed before).</param>
/// <param name="Verdicts">Bursts per verdict.</param>
/// <param name="Recovered">True when this run resumed one that a crash or kill interrupted.</param>
public sealed record ReplayResult(string Capture, int Bursts, long EventsWritten, IReadOnlyDictionary<string, int> Verdicts, bool Recovered);
