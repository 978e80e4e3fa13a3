namespace RfFingerprint.Service.Jobs;

/// <summary>Keys of the job data Quartz stores with each of our jobs (all values are strings).</summary>
internal static class JobDataKeys
{
    public const string Kind = "kind";
    public const string Request = "request";
    public const string State = "state";
    public const string Result = "result";
    public const string Error = "error";
    public const string Attempts = "attempts";
    public const string CreatedUtc = "createdUtc";
    public const string FinishedUtc = "finishedUtc";
}
