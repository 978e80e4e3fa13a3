using Microsoft.AspNetCore.Http.HttpResults;
using RfFingerprint.Registry;
using RfFingerprint.Service.Contracts;
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
            .WithSummary("The enrolment of one device under one model version").RequireViewer();

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

    internal static async Task<Ok<List<ModelVersionResponse>>> ListModels(IRegistryStore registry, CancellationToken cancellationToken) =>
        TypedResults.Ok((await registry.ListModelVersionsAsync(cancellationToken)).Select(ModelVersionResponse.From).ToList());
}
