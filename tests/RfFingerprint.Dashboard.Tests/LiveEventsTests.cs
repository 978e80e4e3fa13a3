using System.Net.Http.Json;
using Microsoft.Playwright;
using RfFingerprint.Dashboard.Tests.Support;
using RfFingerprint.Registry.Entities;
using RfFingerprint.Registry.Inputs;
using RfFingerprint.Service.Contracts;
using RfFingerprint.Service.Dashboard;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace RfFingerprint.Dashboard.Tests;

[Collection(DashboardCollection.Name)]
public sealed class LiveEventsTests(DashboardFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task OperatorReplaysTraffic_AndItsDecisionsArriveOverTheLiveFeedColouredByVerdict()
    {
        var page = await fixture.SignInAsync(ApiKeyRole.Operator);
        await Expect(page.GetByTestId("feed-state")).ToHaveAttributeAsync("data-open", "true");
        await page.GotoAsync(fixture.Host.BaseAddress + "#/jobs");
        await page.Locator("[data-testid=capture-row][data-name='traffic.sigmf-meta']").GetByTestId("replay").ClickAsync();
        var job = page.Locator("[data-testid=job-row][data-kind=replay]", new() { HasText = "traffic.sigmf-meta" });
        await Expect(job).ToHaveAttributeAsync("data-state", "succeeded");

        await page.GotoAsync(fixture.Host.BaseAddress + "#/live");
        // data-live marks rows that came over the server-sent event stream, not from the stored history.
        var live = page.Locator("[data-testid=live-event][data-live=true]");
        await Expect(live.And(page.Locator("[data-verdict=authenticated]")).First).ToBeVisibleAsync();
        await Expect(live.And(page.Locator("[data-verdict=unknown_device]")).First).ToBeVisibleAsync();
        // Rows are redrawn as decisions arrive, so the colour is read through a retrying expectation, not a one-off evaluation.
        await Expect(live.And(page.Locator("[data-verdict=authenticated]")).First.Locator(".badge")).ToHaveCSSAsync("background-color", "rgb(27, 135, 63)");
        await Expect(live.And(page.Locator("[data-verdict=unknown_device]")).First.Locator(".badge")).ToHaveCSSAsync("background-color", "rgb(199, 119, 0)");
        output.WriteLine($"screenshot: {await DashboardFixture.ScreenshotAsync(page, "live-events")}");
        await page.CloseAsync();
    }

    [Fact]
    public async Task Filters_ShowOnlyTheChosenVerdictAndDevice()
    {
        var page = await fixture.SignInAsync(ApiKeyRole.Viewer);
        await page.GotoAsync(fixture.Host.BaseAddress + "#/live");
        await Expect(page.GetByTestId("live-event").First).ToBeVisibleAsync();

        await page.GetByTestId("filter-device").SelectOptionAsync(DashboardHost.EnrolledDevices[0]);
        await page.GetByTestId("filter-verdict").SelectOptionAsync("authenticated");

        var rows = page.GetByTestId("live-event");
        await Expect(rows.First).ToBeVisibleAsync();
        foreach (var row in await rows.AllAsync())
        {
            Assert.Equal("authenticated", await row.GetAttributeAsync("data-verdict"));
            Assert.Equal(DashboardHost.EnrolledDevices[0], await row.GetAttributeAsync("data-device"));
        }

        await page.GetByTestId("filter-verdict").SelectOptionAsync("identity_mismatch");
        await Expect(rows).ToHaveCountAsync(0);
        await page.CloseAsync();
    }

    [Fact]
    public async Task SelectingABurst_DrawsItsSpectrogramAndShowsTheDecision()
    {
        var replayed = await OldestEventAsync();
        var page = await fixture.SignInAsync(ApiKeyRole.Viewer);
        await page.GotoAsync(fixture.Host.BaseAddress + "#/live");
        var row = page.Locator($"[data-testid=live-event][data-capture-id='{replayed.CaptureId}'][data-device={DashboardHost.EnrolledDevices[0]}]").First;
        await row.ClickAsync();

        var canvas = page.GetByTestId("burst-spectrogram");
        await Expect(canvas).ToHaveAttributeAsync("data-drawn", "true");
        Assert.True(await CanvasPixels.DistinctColoursAsync(canvas) > 20, "the spectrogram canvas is (nearly) blank");
        await Expect(page.GetByTestId("detail-device")).ToHaveTextAsync(DashboardHost.EnrolledDevices[0]);
        await Expect(page.GetByTestId("detail-cfo")).ToContainTextAsync("Hz");
        output.WriteLine($"screenshot: {await DashboardFixture.ScreenshotAsync(page, "burst-detail")}");
        await page.CloseAsync();
    }

    [Fact]
    public async Task BurstSpectrogramEndpoint_AnswersOneMatrixOfTheModelsShape()
    {
        using var viewer = fixture.Host.ClientFor(ApiKeyRole.Viewer);
        var e = await OldestEventAsync();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var answer = await viewer.GetAsync($"/api/v1/dashboard/bursts/{e.CaptureId}/{e.SampleIndex}/spectrogram");
        output.WriteLine($"first request (recomputed): {clock.ElapsedMilliseconds} ms");
        Assert.True(answer.IsSuccessStatusCode, await answer.Content.ReadAsStringAsync());
        var stft = (await answer.Content.ReadFromJsonAsync<SpectrogramResponse>())!;
        clock.Restart();
        _ = await viewer.GetFromJsonAsync<SpectrogramResponse>($"/api/v1/dashboard/bursts/{e.CaptureId}/{e.SampleIndex}/spectrogram");
        output.WriteLine($"second request (cached): {clock.ElapsedMilliseconds} ms");
        var model = (await viewer.GetFromJsonAsync<SpectrogramResponse>($"/api/v1/dashboard/bursts/{e.CaptureId}/{e.SampleIndex}/spectrogram?view=model"))!;

        Assert.Equal(stft.FrequencyBins * stft.TimeFrames, stft.Values.Count);
        Assert.Equal(model.FrequencyBins * model.TimeFrames, model.Values.Count);
        Assert.True(stft.MaxValue > stft.MinValue);
        Assert.Equal(e.SampleIndex, stft.SampleIndex);
        Assert.Equal(e.CfoHz, stft.CfoHz!.Value, 1e-6);
    }

    [Fact]
    public async Task BurstOfACaptureWithoutAFile_Is404SayingWhy()
    {
        // A live session is registered under a label, not a file: its bursts cannot be recomputed.
        var capture = await fixture.Host.Registry.RegisterCaptureAsync(
            new CaptureInfo("uhd:session-without-recording", new string('a', 128), "uhd", 1_000_000, 868_100_000, null));
        using var viewer = fixture.Host.ClientFor(ApiKeyRole.Viewer);

        using var response = await viewer.GetAsync($"/api/v1/dashboard/bursts/{capture.Id}/0/spectrogram");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("no recording file", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>
    /// The oldest event: one of the set-up's replay of a recording (a live session's bursts, which other tests add, have
    /// no file to go back to).
    /// </summary>
    private async Task<EventResponse> OldestEventAsync()
    {
        using var viewer = fixture.Host.ClientFor(ApiKeyRole.Viewer);
        var total = (await viewer.GetFromJsonAsync<Page<EventResponse>>("/api/v1/events?limit=1"))!.Total;
        var oldest = (await viewer.GetFromJsonAsync<Page<EventResponse>>($"/api/v1/events?limit=1&offset={total - 1}"))!;
        return Assert.Single(oldest.Items);
    }
}
