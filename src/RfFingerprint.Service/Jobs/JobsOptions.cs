namespace RfFingerprint.Service.Jobs;

/// <summary>Background job settings, bound from the <c>Jobs</c> configuration section.</summary>
public sealed class JobsOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Jobs";

    /// <summary>Start the scheduler with the host. False keeps submitted jobs waiting in the store (tests, maintenance).</summary>
    public bool AutoStart { get; set; } = true;

    /// <summary>Jobs run at once on this node.</summary>
    public int MaxConcurrency { get; set; } = 2;

    /// <summary>Retries of a failed job after its first attempt.</summary>
    public int RetryAttempts { get; set; } = 3;

    /// <summary>Wait before each retry, seconds.</summary>
    public double RetryDelaySeconds { get; set; } = 10;

    /// <summary>
    /// Share jobs with every other node on the same PostgreSQL registry (Quartz clustering). Off for SQLite, which one
    /// process owns.
    /// </summary>
    public bool Clustered { get; set; }

    /// <summary>Prefix of Quartz's tables in the registry database.</summary>
    public string TablePrefix { get; set; } = "qrtz_";
}
