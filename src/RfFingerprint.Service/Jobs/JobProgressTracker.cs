using System.Collections.Concurrent;

namespace RfFingerprint.Service.Jobs;

/// <summary>
/// Live progress of the jobs running in this process (Quartz stores job data only when a run ends). Thread-safe.
/// </summary>
public sealed class JobProgressTracker
{
    private readonly ConcurrentDictionary<string, JobProgress> _running = new(StringComparer.Ordinal);

    /// <summary>Marks a job as running (attempt number from 1).</summary>
    public void Started(string jobId, int attempt) => _running[jobId] = new JobProgress(attempt, 0, null, DateTimeOffset.UtcNow);

    /// <summary>Records how far a running job has got; a report arriving after the job stopped is dropped.</summary>
    /// <remarks>
    /// Reports come through <see cref="Progress{T}"/>, which runs them on the thread pool, so the last one can still be
    /// on its way while the job ends. Only a compare-and-swap on the entry it read keeps such a report from putting a
    /// finished job back (a read followed by a plain store did, and the job then showed as running forever).
    /// </remarks>
    public void Report(string jobId, double fraction, string? message)
    {
        while (_running.TryGetValue(jobId, out var current)
            && !_running.TryUpdate(jobId, current with { Fraction = Math.Clamp(fraction, 0, 1), Message = message }, current))
        {
        }
    }

    /// <summary>Forgets a job that stopped running here.</summary>
    public void Stopped(string jobId) => _running.TryRemove(jobId, out _);

    /// <summary>The progress of a job running here, or null.</summary>
    public JobProgress? Get(string jobId) => _running.TryGetValue(jobId, out var progress) ? progress : null;
}

/// <summary>Progress of one running job.</summary>
/// <param name="Attempt">Attempt number, from 1.</param>
/// <param name="Fraction">Share done, 0..1.</param>
/// <param name="Message">What it is doing.</param>
/// <param name="StartedUtc">When this attempt started.</param>
public sealed record JobProgress(int Attempt, double Fraction, string? Message, DateTimeOffset StartedUtc);
