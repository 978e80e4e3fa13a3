using Microsoft.AspNetCore.Http.HttpResults;
using RfFingerprint.Service.Contracts;
using RfFingerprint.Service.Jobs;
using RfFingerprint.Service.Processing;
using RfFingerprint.Service.Security;

namespace RfFingerprint.Service.Api;

/// <summary><c>/api/v1/jobs</c> and <c>/api/v1/replays</c>: durable background jobs and how they are going.</summary>
public static class JobsApi
{
    /// <summary>Maps the job endpoints onto <paramref name="api"/>.</summary>
    public static IEndpointRouteBuilder MapJobsApi(this IEndpointRouteBuilder api)
    {
        var jobs = api.MapGroup("/jobs").WithTags("Jobs");
        jobs.MapGet("/", ListJobs).WithName("ListJobs").WithSummary("All background jobs, newest first").RequireViewer();
        jobs.MapGet("/{id}", GetJob).WithName("GetJob")
            .WithSummary("One job: state, attempt, progress, request, result or error").ProducesProblem(StatusCodes.Status404NotFound).RequireViewer();

        var replays = api.MapGroup("/replays").WithTags("Jobs");
        replays.MapPost("/", SubmitReplay).WithName("SubmitReplay")
            .WithSummary("Replay a recording of the capture folder as a durable job; its decisions are recorded as events (once per burst)")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireOperator();
        return api;
    }

    internal static async Task<Ok<IReadOnlyList<JobResponse>>> ListJobs(JobScheduler scheduler, CancellationToken cancellationToken) =>
        TypedResults.Ok(await scheduler.ListAsync(cancellationToken));

    internal static async Task<Results<Ok<JobResponse>, ProblemHttpResult>> GetJob(string id, JobScheduler scheduler, CancellationToken cancellationToken)
    {
        if (id.Length != 32 || !id.All(char.IsAsciiHexDigitLower))
        {
            return Problems.NotFound($"job '{id}' does not exist");
        }

        var job = await scheduler.GetAsync(id, cancellationToken);
        return job is null ? Problems.NotFound($"job '{id}' does not exist") : TypedResults.Ok(job);
    }

    internal static async Task<Results<Accepted<JobResponse>, ValidationProblem, ProblemHttpResult>> SubmitReplay(
        ReplayRequest request, JobScheduler scheduler, CaptureStore captures, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        if (!CaptureStore.IsValidName(request.Capture))
        {
            validation.Add("capture", "capture must be the name of a recording in the capture folder (letters, digits, '.', '_', '-')");
            return TypedResults.ValidationProblem(validation.Errors);
        }

        if (captures.Find(request.Capture) is null)
        {
            return Problems.NotFound($"capture '{request.Capture}' is not in the capture folder");
        }

        var job = await scheduler.SubmitAsync<ReplayJob>(JobKind.Replay, request, null, cancellationToken);
        return TypedResults.Accepted($"{ServiceApi.Prefix}/jobs/{job.Id}", job);
    }
}
