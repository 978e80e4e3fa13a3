using RfFingerprint.Service.Capture;
using RfFingerprint.Service.Telemetry;

namespace RfFingerprint.Service.Jobs;

/// <summary>
/// A timed capture session: runs the capture worker for a fixed time from its scheduled start. Interrupted by a
/// restart, it resumes for the time that is left (its events go to a new live capture row).
/// </summary>
public sealed class CaptureSessionJob(CaptureSessionManager sessions, JobProgressTracker tracker, ServiceMetrics metrics, ILogger<CaptureSessionJob> logger)
    : ServiceJob<CaptureSessionJobRequest>(tracker, metrics, logger)
{
    protected override async Task<object> RunAsync(CaptureSessionJobRequest request, JobContext context, CancellationToken cancellationToken)
    {
        var ends = request.StartUtc.AddSeconds(request.DurationSeconds);
        var left = ends - DateTimeOffset.UtcNow;
        if (left <= TimeSpan.Zero)
        {
            return new CaptureSessionJobResult(null, 0, 0, 0, "the session's time had passed when the job ran");
        }

        var (status, completion) = sessions.Start(request.Record, left);
        using (cancellationToken.Register(() => _ = sessions.StopAsync()))
        {
            while (!completion.IsCompleted)
            {
                var done = 1 - ((ends - DateTimeOffset.UtcNow).TotalSeconds / request.DurationSeconds);
                context.Progress(done, $"{sessions.Status.Bursts} bursts");
                await Task.WhenAny(completion, Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None));
            }
        }

        var final = sessions.Status;
        if (final.State == "failed")
        {
            throw new InvalidOperationException($"capture session {status.SessionId} failed: {final.Error}");
        }

        return new CaptureSessionJobResult(final.SessionId, final.Bursts, final.SamplesReceived, final.SamplesDropped, final.RecordingPath);
    }
}

/// <summary>What a timed capture session captures.</summary>
/// <param name="StartUtc">When the session starts.</param>
/// <param name="DurationSeconds">How long it runs.</param>
/// <param name="Record">"none", "stream" or "bursts" (null: the configured default).</param>
public sealed record CaptureSessionJobRequest(DateTimeOffset StartUtc, double DurationSeconds, string? Record);

/// <summary>What a timed capture session did.</summary>
/// <param name="SessionId">The session.</param>
/// <param name="Bursts">Bursts decided.</param>
/// <param name="SamplesReceived">Samples received.</param>
/// <param name="SamplesDropped">Samples dropped because the pipeline fell behind.</param>
/// <param name="Note">Recording path, or why nothing was captured.</param>
public sealed record CaptureSessionJobResult(string? SessionId, long Bursts, long SamplesReceived, long SamplesDropped, string? Note);
