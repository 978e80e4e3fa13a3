using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RfFingerprint.Registry;
using RfFingerprint.Registry.Entities;
using RfFingerprint.Service.Telemetry;
using RfFingerprint.Service.Tests.Support;

namespace RfFingerprint.Service.Tests.Api;

/// <summary>Metrics exposition, health and the OpenAPI document.</summary>
public sealed class MetricsAndOpenApiTests
{
    [Fact]
    public async Task Metrics_RendersCountersInPrometheusTextFormat()
    {
        await using var service = await ServiceFactory.StartAsync(RegistryProvider.Sqlite);
        var metrics = service.Services.GetRequiredService<ServiceMetrics>();
        metrics.Decisions.Add(3, new KeyValuePair<string, object?>("verdict", "authenticated"));
        using var viewer = service.ClientFor(ApiKeyRole.Viewer);

        var response = await viewer.GetAsync("/api/v1/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("# TYPE rffp_decisions_total counter", text, StringComparison.Ordinal);
        Assert.Contains("rffp_decisions_total{verdict=\"authenticated\"} 3\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_ReportsTheRegistryOk()
    {
        await using var service = await ServiceFactory.StartAsync(RegistryProvider.Sqlite);
        using var viewer = service.ClientFor(ApiKeyRole.Viewer);

        using var json = JsonDocument.Parse(await viewer.GetStringAsync("/api/v1/health"));

        Assert.Equal("ok", json.RootElement.GetProperty("components").GetProperty("registry").GetProperty("status").GetString());
    }

    [Fact]
    public async Task OpenApi_DocumentsEveryMappedEndpointWithASummary()
    {
        await using var service = await ServiceFactory.StartAsync(RegistryProvider.Sqlite);
        using var viewer = service.ClientFor(ApiKeyRole.Viewer);
        using var document = JsonDocument.Parse(await viewer.GetStringAsync("/api/v1/openapi.json"));
        var paths = document.RootElement.GetProperty("paths");

        foreach (var endpoint in service.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.Trim('/');
            if (pattern.EndsWith("openapi.json", StringComparison.Ordinal))
                continue;
            var path = System.Text.RegularExpressions.Regex.Replace(pattern, @"\{([^:}]+)(:[^}]+)?\}", "{$1}");
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} is missing from the OpenAPI document");
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods)
            {
                var operation = item.GetProperty(method.ToLowerInvariant());
                Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()), $"{method} {path} has no summary");
            }
        }
    }
}
