using System.Text.Json;

namespace RfFingerprint.Service.Contracts;

/// <summary>A background job as the API shows it.</summary>
/// <param name="Id">Job id.</param>
/// <param name="Kind">"replay", "enrolment" or "capture-session".</param>
/// <param name="State">"queued", "running", "retrying", "succeeded" or "failed".</param>
/// <param name="Attempt">Attempt number of the current or last run (0 before the first).</param>
/// <param name="Progress">Share done, 0..1 (live while running on this node).</param>
/// <param name="Message">What a running job is doing.</param>
/// <param name="Request">What was asked for.</param>
/// <param name="Result">What it produced, once succeeded.</param>
/// <param name="Error">Why the last attempt failed.</param>
/// <param name="CreatedUtc">When it was submitted.</param>
/// <param name="FinishedUtc">When it succeeded or finally failed.</param>
public sealed record JobResponse(
    string Id,
    string Kind,
    string State,
    int Attempt,
    double Progress,
    string? Message,
    JsonElement? Request,
    JsonElement? Result,
    string? Error,
    DateTimeOffset CreatedUtc,
    DateTimeOffset? FinishedUtc);
