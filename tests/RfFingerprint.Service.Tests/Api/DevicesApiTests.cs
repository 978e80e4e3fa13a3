using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using RfFingerprint.Registry;
using RfFingerprint.Registry.Entities;
using RfFingerprint.Service.Contracts;
using RfFingerprint.Service.Tests.Support;

namespace RfFingerprint.Service.Tests.Api;

/// <summary>The device endpoints against a real SQLite file and a real PostgreSQL schema.</summary>
public sealed class DevicesApiTests
{
    public static TheoryData<RegistryProvider> Providers => new() { RegistryProvider.Sqlite, RegistryProvider.PostgreSql };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task CreateThenGet_ReturnsTheDeviceWithNormalisedIdentities(RegistryProvider provider)
    {
        await using var service = await ServiceFactory.StartAsync(provider);
        using var admin = service.ClientFor(ApiKeyRole.Admin);

        var created = await admin.PostAsJsonAsync("/api/v1/devices", new CreateDeviceRequest("node-1", "70-b3-d5-7e-d0-00-00-01", ["49be7df1"], "RAK3172"));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var device = (await created.Content.ReadFromJsonAsync<DeviceResponse>())!;

        using var viewer = service.ClientFor(ApiKeyRole.Viewer);
        var fetched = (await viewer.GetFromJsonAsync<DeviceResponse>($"/api/v1/devices/{device.Id}"))!;
        Assert.Equal("node-1", fetched.Name);
        Assert.Equal("70B3D57ED0000001", fetched.DevEui);
        Assert.Equal(["49BE7DF1"], fetched.DevAddrs);
        Assert.Equal("active", fetched.Status);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Revoke_MarksTheDeviceRevokedAndListStillShowsIt(RegistryProvider provider)
    {
        await using var service = await ServiceFactory.StartAsync(provider);
        using var admin = service.ClientFor(ApiKeyRole.Admin);
        var device = (await (await admin.PostAsJsonAsync("/api/v1/devices", new CreateDeviceRequest("node-2", null, null, null)))
            .Content.ReadFromJsonAsync<DeviceResponse>())!;

        var revoked = await admin.PostAsync($"/api/v1/devices/{device.Id}/revoke", null);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);

        var all = (await admin.GetFromJsonAsync<List<DeviceResponse>>("/api/v1/devices"))!;
        Assert.Equal("revoked", Assert.Single(all).Status);
        var active = (await admin.GetFromJsonAsync<List<DeviceResponse>>("/api/v1/devices?includeRevoked=false"))!;
        Assert.Empty(active);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Delete_RemovesTheDeviceAndASecondDeleteIs404(RegistryProvider provider)
    {
        await using var service = await ServiceFactory.StartAsync(provider);
        using var admin = service.ClientFor(ApiKeyRole.Admin);
        var device = (await (await admin.PostAsJsonAsync("/api/v1/devices", new CreateDeviceRequest("node-3", null, null, null)))
            .Content.ReadFromJsonAsync<DeviceResponse>())!;

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/devices/{device.Id}")).StatusCode);
        var again = await admin.DeleteAsync($"/api/v1/devices/{device.Id}");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Create_WithInvalidFields_Returns400NamingEachField()
    {
        await using var service = await ServiceFactory.StartAsync(RegistryProvider.Sqlite);
        using var admin = service.ClientFor(ApiKeyRole.Admin);

        var response = await admin.PostAsJsonAsync("/api/v1/devices", new CreateDeviceRequest(" ", "12345", ["xyz", "49BE7DF1"], new string('n', 2001)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>())!;
        Assert.Equal(["devAddrs[0]", "devEui", "hardwareNotes", "name"], problem.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Create_WithMalformedJson_Returns400ProblemDetails()
    {
        await using var service = await ServiceFactory.StartAsync(RegistryProvider.Sqlite);
        using var admin = service.ClientFor(ApiKeyRole.Admin);

        var response = await admin.PostAsync("/api/v1/devices", new StringContent("{\"name\": 5", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
