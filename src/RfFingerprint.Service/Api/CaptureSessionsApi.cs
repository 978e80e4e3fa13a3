using Microsoft.AspNetCore.Http.HttpResults;
using RfFingerprint.Service.Capture;
using RfFingerprint.Service.Contracts;
using RfFingerprint.Service.Jobs;
using RfFingerprint.Service.Processing;
using RfFingerprint.Service.Security;

namespace RfFingerprint.Service.Api;

/// <summary><c>/api/v1/capture-sessions</c>: live capture from the configured radio, started and stopped at run time.</summary>
public static class CaptureSessionsApi
{
    /// <summary>Longest timed session.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(7);

    /// <summary>Maps the capture-session endpoints onto <paramref name="api"/>.</summary>
    public static RouteGroupBuilder MapCaptureSessionsApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/capture-sessions").WithTags("Capture sessions");
        group.MapGet("/", GetStatus).WithName("GetCaptureSession")
            .WithSummary("The running capture session (or the last one): samples received, dropped and lost, bursts, recording").RequireViewer();
        group.MapPost("/", StartSession).WithName("StartCaptureSession")
            .WithSummary("Start capturing now until stopped, or, with durationSeconds, as a durable timed job")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .RequireOperator();
        group.MapPost("/stop", StopSession).WithName("StopCaptureSession")
            .WithSummary("Stop the running capture session").RequireOperator();
        return group;
    }

    internal static Ok<CaptureStatus> GetStatus(CaptureSessionManager sessions) => TypedResults.Ok(sessions.Status);

    internal static async Task<Results<Ok<CaptureStatus>, Accepted<JobResponse>, ValidationProblem, ProblemHttpResult>> StartSession(
        CaptureSessionRequest request, CaptureSessionManager sessions, JobScheduler scheduler, PipelineProvider pipelines, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        if (request.Record is not null && !CaptureRecordMode.IsValid(request.Record))
        {
            validation.Add("record", "record must be none, stream or bursts");
        }

        if (request.DurationSeconds is { } seconds)
        {
            validation.Range("durationSeconds", seconds, 1, MaxDuration.TotalSeconds);
        }

        var now = DateTimeOffset.UtcNow;
        if (request.StartUtc is { } start && (start < now.AddMinutes(-1) || start > now.AddDays(30)))
        {
            validation.Add("startUtc", "startUtc must lie between now and 30 days ahead");
        }

        if (request.StartUtc is not null && request.DurationSeconds is null)
        {
            validation.Add("startUtc", "a scheduled session needs durationSeconds");
        }

        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        if (request.DurationSeconds is { } duration)
        {
            var startUtc = request.StartUtc ?? now;
            var job = await scheduler.SubmitAsync<CaptureSessionJob>(JobKind.CaptureSession,
                new CaptureSessionJobRequest(startUtc, duration, request.Record), startUtc, cancellationToken);
            return TypedResults.Accepted($"{ServiceApi.Prefix}/jobs/{job.Id}", job);
        }

        try
        {
            // Fail now, with the reason, rather than start a session that dies at once without a model or enrolments.
            await pipelines.GetAuthenticationAsync(cancellationToken);
        }
        catch (ModelUnavailableException ex)
        {
            return Problems.Unavailable(ex.Message);
        }

        try
        {
            return TypedResults.Ok(sessions.Start(request.Record, null).Status);
        }
        catch (InvalidOperationException ex)
        {
            return Problems.Conflict(ex.Message);
        }
    }

    internal static async Task<Ok<CaptureStatus>> StopSession(CaptureSessionManager sessions) =>
        TypedResults.Ok(await sessions.StopAsync());
}
