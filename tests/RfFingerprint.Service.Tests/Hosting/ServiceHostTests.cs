using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using RfFingerprint.Registry;
using RfFingerprint.Registry.Entities;
using RfFingerprint.Service.Hosting;
using RfFingerprint.Service.Security;
using RfFingerprint.Service.Tests.Support;

namespace RfFingerprint.Service.Tests.Hosting;

/// <summary>The real host (Kestrel on loopback), as <c>rffp serve</c> builds it.</summary>
public sealed class ServiceHostTests
{
    private static IConfiguration Overrides(TestDatabase database, TempFolder captures, string? urls = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Registry:ConnectionString"] = database.ConnectionString,
            ["Service:CaptureDirectory"] = captures.Path,
            ["Jobs:AutoStart"] = "false",
        };
        if (urls is not null)
            values["Service:Urls"] = urls;
        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    [Fact]
    public async Task Build_WithoutAddresses_ListensOnLoopbackOnly()
    {
        await using var database = await TestDatabase.CreateAsync(RegistryProvider.Sqlite);
        using var captures = new TempFolder();

        await using var app = RffpServiceHost.Build([], Overrides(database, captures));

        Assert.Equal(ServiceOptions.DefaultUrls, app.Configuration["urls"]);
        Assert.StartsWith("http://127.0.0.1:", ServiceOptions.DefaultUrls, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Started_OnAConfiguredLoopbackPort_AnswersWithKeysAndRefusesWithout()
    {
        await using var database = await TestDatabase.CreateAsync(RegistryProvider.Sqlite);
        using var captures = new TempFolder();
        await using var app = RffpServiceHost.Build([], Overrides(database, captures, "http://127.0.0.1:0"));
        await app.StartAsync();
        try
        {
            var address = Assert.Single(app.Urls);
            Assert.StartsWith("http://127.0.0.1:", address, StringComparison.Ordinal);
            var registry = (IRegistryStore)app.Services.GetService(typeof(IRegistryStore))!;
            var key = await registry.CreateApiKeyAsync("host-test", ApiKeyRole.Viewer);
            using var client = new HttpClient { BaseAddress = new Uri(address) };

            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/health")).StatusCode);
            client.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, key.PlaintextKey);
            Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/api/v1/health")).StatusCode);
        }
        finally
        {
            await app.StopAsync();
        }
    }

    [Fact]
    public async Task Started_OnKestrel_RefusesJsonBodiesOverTheLimit()
    {
        await using var database = await TestDatabase.CreateAsync(RegistryProvider.Sqlite);
        using var captures = new TempFolder();
        await using var app = RffpServiceHost.Build([], Overrides(database, captures, "http://127.0.0.1:0"));
        await app.StartAsync();
        try
        {
            var registry = (IRegistryStore)app.Services.GetService(typeof(IRegistryStore))!;
            var key = await registry.CreateApiKeyAsync("host-test", ApiKeyRole.Admin);
            using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
            client.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, key.PlaintextKey);
            var huge = "{\"name\":\"" + new string('x', (int)new ServiceOptions().MaxJsonBodyBytes) + "\"}";

            var response = await client.PostAsync("/api/v1/devices", new StringContent(huge, System.Text.Encoding.UTF8, "application/json"));

            Assert.Equal(System.Net.HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        }
        finally
        {
            await app.StopAsync();
        }
    }
}
