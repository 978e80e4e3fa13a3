using RfFingerprint.Service.Security;

namespace RfFingerprint.Service.Api;

/// <summary>The <c>/api/v1</c> surface: one route group per resource.</summary>
public static class ServiceApi
{
    /// <summary>Prefix of every endpoint.</summary>
    public const string Prefix = "/api/v1";

    /// <summary>Name of the OpenAPI document.</summary>
    public const string DocumentName = "v1";

    /// <summary>Maps every resource's endpoints under <see cref="Prefix"/>.</summary>
    public static RouteGroupBuilder MapRffpApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(Prefix);
        api.MapDevicesApi();
        api.MapEnrolmentsApi();
        api.MapEventsApi();
        api.MapCapturesApi();
        api.MapAuthenticateApi();
        api.MapJobsApi();
        api.MapCaptureSessionsApi();
        api.MapApiKeysApi();
        api.MapHealthApi();
        api.MapMetricsApi();
        api.MapOpenApi("/openapi.json").WithTags("Health").RequireViewer();
        return api;
    }
}
