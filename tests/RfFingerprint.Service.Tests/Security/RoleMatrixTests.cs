using System.Net;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RfFingerprint.Registry;
using RfFingerprint.Registry.Entities;
using RfFingerprint.Service.Security;
using RfFingerprint.Service.Tests.Support;

namespace RfFingerprint.Service.Tests.Security;

/// <summary>
/// Walks every endpoint the host maps (read from its <see cref="EndpointDataSource"/>, so an endpoint added later is
/// covered without editing this test) with no key, a wrong key and each role's key.
/// </summary>
public sealed class RoleMatrixTests : IAsyncLifetime
{
    private static readonly string[] Policies = [ApiKeyDefaults.ViewerPolicy, ApiKeyDefaults.OperatorPolicy, ApiKeyDefaults.AdminPolicy];
    private ServiceFactory _service = null!;

    public async Task InitializeAsync() => _service = await ServiceFactory.StartAsync(RegistryProvider.Sqlite);

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public void EveryEndpoint_NamesExactlyOneRolePolicy()
    {
        foreach (var endpoint in Endpoints())
        {
            var policies = endpoint.Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            Assert.True(policies.Count == 1 && Policies.Contains(policies[0]),
                $"{endpoint.Method} {endpoint.Pattern} must name exactly one of the role policies; it has [{string.Join(", ", policies)}]");
        }
    }

    [Fact]
    public void EveryEndpoint_LivesUnderApiV1()
    {
        foreach (var endpoint in Endpoints())
        {
            Assert.StartsWith("/api/v1/", endpoint.Pattern, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task EveryEndpoint_RefusesMissingKeyWith401ProblemDetails()
    {
        using var client = _service.CreateClient();
        foreach (var endpoint in Endpoints())
        {
            using var response = await SendAsync(client, endpoint);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{endpoint} without a key answered {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task EveryEndpoint_RefusesWrongKeysWith401()
    {
        var wrongKeys = new[]
        {
            "rffp_000000000000_" + new string('0', 64),
            _service.KeyFor(ApiKeyRole.Admin)[..^1] + (_service.KeyFor(ApiKeyRole.Admin)[^1] == '0' ? '1' : '0'),
            "not-a-key",
        };
        foreach (var key in wrongKeys)
        {
            using var client = _service.CreateClient();
            client.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, key);
            foreach (var endpoint in Endpoints())
            {
                using var response = await SendAsync(client, endpoint);
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{endpoint} with key '{key}' answered {(int)response.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task EveryEndpoint_RefusesRevokedKeyWith401()
    {
        var created = await _service.Registry.CreateApiKeyAsync("revoked", ApiKeyRole.Admin);
        Assert.True(await _service.Registry.RevokeApiKeyAsync(created.Prefix));
        using var client = _service.CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, created.PlaintextKey);
        foreach (var endpoint in Endpoints())
        {
            using var response = await SendAsync(client, endpoint);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{endpoint} with a revoked key answered {(int)response.StatusCode}");
        }
    }

    [Theory]
    [InlineData(ApiKeyRole.Viewer)]
    [InlineData(ApiKeyRole.Operator)]
    [InlineData(ApiKeyRole.Admin)]
    public async Task EveryEndpoint_AdmitsRolesAtOrAboveItsPolicyAndForbidsTheRest(ApiKeyRole role)
    {
        using var client = _service.ClientFor(role);
        foreach (var endpoint in Endpoints())
        {
            var required = Enum.GetValues<ApiKeyRole>().Single(r => Policies[(int)r] == endpoint.Policy);
            using var response = await SendAsync(client, endpoint);
            if (role.Allows(required))
            {
                Assert.True(response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden),
                    $"{endpoint} refused a {role} key with {(int)response.StatusCode}");
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{endpoint} answered a {role} key with {(int)response.StatusCode}, not 403");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }
    }

    private List<EndpointCase> Endpoints()
    {
        var sources = _service.Services.GetRequiredService<EndpointDataSource>();
        var cases = new List<EndpointCase>();
        foreach (var endpoint in sources.Endpoints.OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            var policy = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault() ?? "(none)";
            foreach (var method in methods)
            {
                cases.Add(new EndpointCase(method, "/" + endpoint.RoutePattern.RawText!.TrimStart('/'), Url(endpoint), policy, endpoint));
            }
        }

        Assert.True(cases.Count >= 10, $"only {cases.Count} endpoints found");
        return cases;
    }

    /// <summary>The route with each parameter filled by a value its constraints accept.</summary>
    private static string Url(RouteEndpoint endpoint)
    {
        var url = new StringBuilder();
        foreach (var segment in endpoint.RoutePattern.PathSegments)
        {
            url.Append('/');
            foreach (var part in segment.Parts)
            {
                url.Append(part switch
                {
                    Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
                    Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter =>
                        parameter.ParameterPolicies.Any(p => p.Content is "long" or "int") ? "1" : "x1",
                    Microsoft.AspNetCore.Routing.Patterns.RoutePatternSeparatorPart separator => separator.Content,
                    _ => string.Empty,
                });
            }
        }

        return url.ToString();
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, EndpointCase endpoint)
    {
        using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Url);
        if (endpoint.Method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        // Headers are enough to judge access; a streaming endpoint would otherwise never finish.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
    }

    private sealed record EndpointCase(string Method, string Pattern, string Url, string Policy, RouteEndpoint Endpoint)
    {
        public override string ToString() => $"{Method} {Pattern}";
    }
}
