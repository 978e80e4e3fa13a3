using System.Globalization;
using System.Text.Json;
using Quartz;
using RfFingerprint.Service.Telemetry;

namespace RfFingerprint.Service.Jobs;

/// <summary>
/// Base of the service's durable jobs: reads the request stored with the job, tracks progress, and stores the state,
/// result or error back with the job when the run ends (Quartz persists the job data then). Failures are rethrown so
/// Quartz's retry policy schedules the next attempt; a process killed mid-run leaves the firing in the store, and the
/// job, which requests recovery, runs again at the next start-up. Reruns are safe because everything a job writes is
/// idempotent (events are unique per capture and sample index; enrolments replace themselves).
/// </summary>
/// <typeparam name="TRequest">The stored request.</typeparam>
[PersistJobDataAfterExecution]
[DisallowConcurrentExecution]
public abstract class ServiceJob<TRequest>(JobProgressTracker tracker, ServiceMetrics metrics, ILogger logger) : IJob
    where TRequest : class
{
    /// <summary>JSON settings shared by requests and results stored with jobs.</summary>
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Runs the job; returns the result to store (serialised as JSON).</summary>
    protected abstract Task<object> RunAsync(TRequest request, JobContext context, CancellationToken cancellationToken);

    /// <inheritdoc/>
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var id = context.JobDetail.Key.Name;
        var data = context.JobDetail.JobDataMap;
        var attempt = context.RetryAttempt + 1;
        var kind = data.GetString(JobDataKeys.Kind) ?? "unknown";
        tracker.Started(id, attempt);
        data.PutAsString(JobDataKeys.Attempts, attempt);
        try
        {
            var request = JsonSerializer.Deserialize<TRequest>(data.GetString(JobDataKeys.Request) ?? "null", Json)
                ?? throw new InvalidDataException($"job {id} has no request");
            var result = await RunAsync(request, new JobContext(id, context.Recovering, (fraction, message) =>
            {
                tracker.Report(id, fraction, message);
                context.ReportProgress((int)Math.Round(fraction * 100), message);
            }), cancellationToken);
            data[JobDataKeys.State] = JobState.Succeeded;
            data[JobDataKeys.Result] = JsonSerializer.Serialize(result, result.GetType(), Json);
            data.Remove(JobDataKeys.Error);
            data.PutAsString(JobDataKeys.FinishedUtc, DateTimeOffset.UtcNow);
            metrics.JobsCompleted.Add(1, new("kind", kind), new("outcome", JobState.Succeeded));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var willRetry = context.RetryPolicy is { } policy && context.RetryAttempt < policy.MaxAttempts;
            data[JobDataKeys.State] = willRetry ? JobState.Retrying : JobState.Failed;
            data[JobDataKeys.Error] = ex.Message;
            if (!willRetry)
            {
                data.PutAsString(JobDataKeys.FinishedUtc, DateTimeOffset.UtcNow);
                metrics.JobsCompleted.Add(1, new("kind", kind), new("outcome", JobState.Failed));
            }

            JobLog.Failed(logger, ex, kind, id, attempt, willRetry);
            throw;
        }
        finally
        {
            tracker.Stopped(id);
        }
    }
}

/// <summary>What a running job may use besides its request.</summary>
/// <param name="JobId">The job's id.</param>
/// <param name="Recovering">True when this run resumes one a crash or kill interrupted.</param>
/// <param name="Progress">Reports the share done (0..1) and a message.</param>
public sealed record JobContext(string JobId, bool Recovering, Action<double, string?> Progress);

internal static partial class JobLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "{Kind} job {JobId} failed on attempt {Attempt} (retrying: {WillRetry})")]
    public static partial void Failed(ILogger logger, Exception exception, string kind, string jobId, int attempt, bool willRetry);
}
