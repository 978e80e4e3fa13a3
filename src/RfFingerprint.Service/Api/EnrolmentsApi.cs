using Microsoft.AspNetCore.Http.HttpResults;
using RfFingerprint.Registry;
using RfFingerprint.Service.Contracts;
using RfFingerprint.Service.Jobs;
using RfFingerprint.Service.Processing;
using RfFingerprint.Service.Security;

namespace RfFingerprint.Service.Api;

/// <summary><c>/api/v1/enrolments</c> and <c>/api/v1/models</c>: what the matcher knows, per model version.</summary>
public static class EnrolmentsApi
{
    /// <summary>Maps the enrolment and model endpoints onto <paramref name="api"/>.</summary>
    public static IEndpointRouteBuilder MapEnrolmentsApi(this IEndpointRouteBuilder api)
    {
        var enrolments = api.MapGroup("/enrolments").WithTags("Enrolments");
        enrolments.MapGet("/", ListEnrolments).WithName("ListEnrolments")
            .WithSummary("Enrolments under a model version (default: the newest), embeddings left out").RequireViewer();
        enrolments.MapGet("/{deviceId:long}/{modelVersionId:long}", GetEnrolment).WithName("GetEnrolment")
            .WithSummary("The enrolment of one device under one model version").ProducesProblem(StatusCodes.Status404NotFound).RequireViewer();
        enrolments.MapPost("/", SubmitEnrolment).WithName("SubmitEnrolment")
            .WithSummary("Enrol (or re-enrol) a device from recordings of the capture folder, as a durable job")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAdmin();

        var models = api.MapGroup("/models").WithTags("Enrolments");
        models.MapGet("/", ListModels).WithName("ListModels").WithSummary("Model versions, oldest first").RequireViewer();
        return api;
    }

    internal static async Task<Results<Ok<List<EnrolmentResponse>>, ProblemHttpResult>> ListEnrolments(
        IRegistryStore registry, long? modelVersionId, bool? activeDevicesOnly, CancellationToken cancellationToken)
    {
        long id;
        if (modelVersionId is { } requested)
        {
            id = requested;
        }
        else
        {
            var models = await registry.ListModelVersionsAsync(cancellationToken);
            if (models.Count == 0)
            {
                return TypedResults.Ok(new List<EnrolmentResponse>());
            }

            id = models[^1].Id;
        }

        if (await registry.GetModelVersionAsync(id, cancellationToken) is null)
        {
            return Problems.NotFound($"model version {id} does not exist");
        }

        var enrolments = await registry.ListEnrolmentsAsync(id, activeDevicesOnly ?? false, cancellationToken);
        return TypedResults.Ok(enrolments.Select(EnrolmentResponse.From).ToList());
    }

    internal static async Task<Results<Ok<EnrolmentResponse>, ProblemHttpResult>> GetEnrolment(
        long deviceId, long modelVersionId, IRegistryStore registry, CancellationToken cancellationToken)
    {
        var enrolment = await registry.GetEnrolmentAsync(deviceId, modelVersionId, cancellationToken);
        return enrolment is null
            ? Problems.NotFound($"device {deviceId} is not enrolled under model version {modelVersionId}")
            : TypedResults.Ok(EnrolmentResponse.From(enrolment));
    }

    internal static async Task<Results<Accepted<JobResponse>, ValidationProblem, ProblemHttpResult>> SubmitEnrolment(
        EnrolRequest request, JobScheduler scheduler, CaptureStore captures, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        validation.RequireText("deviceName", request.DeviceName, 200);
        var devEui = validation.DevEui("devEui", request.DevEui);
        var devAddrs = new List<uint>();
        foreach (var (text, index) in (request.DevAddrs ?? []).Take(64).Select((t, i) => (t, i)))
        {
            if (validation.DevAddr($"devAddrs[{index}]", text) is { } devAddr)
            {
                devAddrs.Add(devAddr);
            }
        }

        if (request.Captures is not { Count: > 0 and <= 64 })
        {
            validation.Add("captures", "captures must name 1..64 recordings of the capture folder");
        }
        else
        {
            foreach (var (name, index) in request.Captures.Select((n, i) => (n, i)))
            {
                if (!CaptureStore.IsValidName(name))
                {
                    validation.Add($"captures[{index}]", "a capture is named by its file name in the capture folder (letters, digits, '.', '_', '-')");
                }
            }
        }

        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        if (request.Captures!.FirstOrDefault(name => captures.Find(name) is null) is { } missing)
        {
            return Problems.NotFound($"capture '{missing}' is not in the capture folder");
        }

        var job = await scheduler.SubmitAsync<EnrolmentJob>(JobKind.Enrolment,
            new EnrolmentJobRequest(request.DeviceName!.Trim(), request.Captures!, devEui, devAddrs.Count > 0 ? devAddrs : null), null, cancellationToken);
        return TypedResults.Accepted($"{ServiceApi.Prefix}/jobs/{job.Id}", job);
    }

    internal static async Task<Ok<List<ModelVersionResponse>>> ListModels(IRegistryStore registry, CancellationToken cancellationToken) =>
        TypedResults.Ok((await registry.ListModelVersionsAsync(cancellationToken)).Select(ModelVersionResponse.From).ToList());
}
