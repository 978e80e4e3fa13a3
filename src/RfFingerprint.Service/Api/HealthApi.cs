using Microsoft.AspNetCore.Http.HttpResults;
using RfFingerprint.Registry;
using RfFingerprint.Service.Contracts;
using RfFingerprint.Service.Security;

namespace RfFingerprint.Service.Api;

/// <summary><c>/api/v1/health</c>: whether the registry, the radio and the model are usable.</summary>
public static class HealthApi
{
    /// <summary>Maps the health endpoint onto <paramref name="api"/>.</summary>
    public static RouteHandlerBuilder MapHealthApi(this IEndpointRouteBuilder api) =>
        api.MapGet("/health", GetHealth)
            .WithName("GetHealth")
            .WithTags("Health")
            .WithSummary("Registry, radio and model status; 503 when the registry is unreachable")
            .RequireViewer();

    internal static async Task<Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>>> GetHealth(
        IRegistryStore registry, IEnumerable<IHealthContributor> contributors, CancellationToken cancellationToken)
    {
        var parts = new Dictionary<string, ComponentHealth>(StringComparer.Ordinal);
        try
        {
            var models = await registry.ListModelVersionsAsync(cancellationToken);
            parts["registry"] = new ComponentHealth("ok", $"{registry.Provider}, {models.Count} model version(s)");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            parts["registry"] = new ComponentHealth("failed", ex.Message);
        }

        foreach (var contributor in contributors)
        {
            parts[contributor.Name] = contributor.Check();
        }

        var healthy = parts["registry"].Status == "ok";
        var response = new HealthResponse(healthy ? "ok" : "failed", parts);
        return healthy ? TypedResults.Ok(response) : TypedResults.Json(response, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
