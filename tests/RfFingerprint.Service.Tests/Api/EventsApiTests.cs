using System.Net;
using System.Net.Http.Json;
using RfFingerprint.Registry;
using RfFingerprint.Registry.Entities;
using RfFingerprint.Registry.Inputs;
using RfFingerprint.Service.Contracts;
using RfFingerprint.Service.Tests.Support;

namespace RfFingerprint.Service.Tests.Api;

/// <summary>Event filtering and paging against real databases.</summary>
public sealed class EventsApiTests
{
    public static TheoryData<RegistryProvider> Providers => new() { RegistryProvider.Sqlite, RegistryProvider.PostgreSql };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Query_FiltersByVerdictAndPagesNewestFirst(RegistryProvider provider)
    {
        await using var service = await ServiceFactory.StartAsync(provider);
        var capture = await service.Registry.RegisterCaptureAsync(new CaptureInfo("t.sigmf-meta", new string('a', 128), "test", 1e6, 868.1e6, null));
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var events = Enumerable.Range(0, 7).Select(i => new AuthenticationEventData
        {
            CaptureId = capture.Id,
            SampleIndex = i * 1000,
            TimeUtc = start.AddSeconds(i),
            Verdict = i % 2 == 0 ? "authenticated" : "unknown_device",
            CfoHz = 100 + i,
            ClaimedDevAddr = 0x49BE7DF1,
        }).ToList();
        Assert.Equal(7, await service.Registry.InsertEventsAsync(events));
        using var viewer = service.ClientFor(ApiKeyRole.Viewer);

        var page = (await viewer.GetFromJsonAsync<Page<EventResponse>>("/api/v1/events?verdict=authenticated&limit=3&offset=1"))!;

        Assert.Equal(4, page.Total);
        Assert.Equal([4000L, 2000L, 0L], page.Items.Select(e => e.SampleIndex));
        Assert.All(page.Items, e => Assert.Equal("49BE7DF1", e.ClaimedDevAddr));
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=1001")]
    [InlineData("offset=-1")]
    [InlineData("deviceId=0")]
    public async Task Query_WithOutOfRangePaging_Returns400(string query)
    {
        await using var service = await ServiceFactory.StartAsync(RegistryProvider.Sqlite);
        using var viewer = service.ClientFor(ApiKeyRole.Viewer);

        var response = await viewer.GetAsync($"/api/v1/events?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Query_WithUnparsableNumber_Returns400()
    {
        await using var service = await ServiceFactory.StartAsync(RegistryProvider.Sqlite);
        using var viewer = service.ClientFor(ApiKeyRole.Viewer);

        var response = await viewer.GetAsync("/api/v1/events?limit=ten");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
