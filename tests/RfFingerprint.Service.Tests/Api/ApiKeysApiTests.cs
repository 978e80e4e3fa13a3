using System.Net;
using System.Net.Http.Json;
using RfFingerprint.Registry;
using RfFingerprint.Registry.Entities;
using RfFingerprint.Service.Contracts;
using RfFingerprint.Service.Security;
using RfFingerprint.Service.Tests.Support;

namespace RfFingerprint.Service.Tests.Api;

/// <summary>Key management through the API.</summary>
public sealed class ApiKeysApiTests
{
    [Fact]
    public async Task CreatedKey_WorksWithItsRoleUntilRevoked()
    {
        await using var service = await ServiceFactory.StartAsync(RegistryProvider.Sqlite);
        using var admin = service.ClientFor(ApiKeyRole.Admin);

        var response = await admin.PostAsJsonAsync("/api/v1/apikeys", new CreateApiKeyRequest("dashboard", "viewer"));
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var created = new { PlaintextKey = json.RootElement.GetProperty("plaintextKey").GetString()!, Prefix = json.RootElement.GetProperty("prefix").GetString()! };
        Assert.Equal("viewer", json.RootElement.GetProperty("role").GetString());
        using var dashboard = service.CreateClient();
        dashboard.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, created.PlaintextKey);

        Assert.Equal(HttpStatusCode.OK, (await dashboard.GetAsync("/api/v1/devices")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await dashboard.PostAsJsonAsync("/api/v1/replays", new { capture = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/apikeys/{created.Prefix}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await dashboard.GetAsync("/api/v1/devices")).StatusCode);
    }

    [Theory]
    [InlineData("{\"name\":\"k\",\"role\":\"root\"}")]
    [InlineData("{\"role\":\"viewer\"}")]
    public async Task Create_WithInvalidFields_Is400(string body)
    {
        await using var service = await ServiceFactory.StartAsync(RegistryProvider.Sqlite);
        using var admin = service.ClientFor(ApiKeyRole.Admin);

        var response = await admin.PostAsync("/api/v1/apikeys", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("{\"deviceName\":\"d\",\"captures\":[]}")]
    [InlineData("{\"deviceName\":\"d\",\"captures\":[\"../x\"]}")]
    [InlineData("{\"deviceName\":\"\",\"captures\":[\"a.sigmf-meta\"]}")]
    [InlineData("{\"deviceName\":\"d\",\"captures\":[\"a.sigmf-meta\"],\"devEui\":\"zz\"}")]
    public async Task Enrol_WithInvalidFields_Is400(string body)
    {
        await using var service = await ServiceFactory.StartAsync(RegistryProvider.Sqlite);
        using var admin = service.ClientFor(ApiKeyRole.Admin);

        var response = await admin.PostAsync("/api/v1/enrolments", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await service.Registry.ListDevicesAsync());
    }
}
