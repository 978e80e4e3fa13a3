namespace RfFingerprint.Service.Jobs;

/// <summary>Where a job is; stored with the job (text) so a restart still shows it.</summary>
public static class JobState
{
    /// <summary>Waiting for a free worker (or for the scheduler to start).</summary>
    public const string Queued = "queued";

    /// <summary>Executing on some node.</summary>
    public const string Running = "running";

    /// <summary>Failed; another attempt is scheduled.</summary>
    public const string Retrying = "retrying";

    /// <summary>Finished; the result is stored.</summary>
    public const string Succeeded = "succeeded";

    /// <summary>Failed on its last attempt; the error is stored.</summary>
    public const string Failed = "failed";
}
