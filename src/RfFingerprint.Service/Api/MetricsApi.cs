using RfFingerprint.Service.Security;
using RfFingerprint.Service.Telemetry;

namespace RfFingerprint.Service.Api;

/// <summary><c>/api/v1/metrics</c>: the service's instruments in Prometheus text format.</summary>
public static class MetricsApi
{
    /// <summary>Prometheus text exposition content type.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>Maps the metrics endpoint onto <paramref name="api"/>.</summary>
    public static RouteHandlerBuilder MapMetricsApi(this IEndpointRouteBuilder api) =>
        api.MapGet("/metrics", (PrometheusExporter exporter) => TypedResults.Text(exporter.Render(), ContentType))
            .WithName("GetMetrics")
            .WithTags("Health")
            .WithSummary("Counters and gauges in Prometheus text format 0.0.4")
            .RequireViewer();
}
