using Microsoft.Playwright;
using RfFingerprint.Dashboard.Tests.Support;
using RfFingerprint.Registry.Entities;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace RfFingerprint.Dashboard.Tests;

[Collection(DashboardCollection.Name)]
public sealed class RadioTests(DashboardFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Operator_StartsAndStopsACaptureSession_AndSeesTheRadiosStatus()
    {
        var page = await fixture.SignInAsync(ApiKeyRole.Operator);
        await page.GotoAsync(fixture.Host.BaseAddress + "#/radio");
        await Expect(page.GetByTestId("sample-rate")).ToHaveTextAsync("1 MS/s");

        await page.GetByTestId("start-session").ClickAsync();
        await Expect(page.GetByTestId("session-state")).ToHaveTextAsync("running");
        // The sigmf radio plays the traffic recording in real time first: its bursts are decided while the session runs.
        await Expect(page.GetByTestId("bursts")).Not.ToHaveTextAsync("0");
        // The recording's capture segments jump in global index: the source reports those jumps as samples lost.
        await Expect(page.GetByTestId("overflows")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9,]+$"));
        output.WriteLine($"screenshot: {await DashboardFixture.ScreenshotAsync(page, "radio-running")}");

        await page.GetByTestId("stop-session").ClickAsync();
        await Expect(page.GetByTestId("session-state")).ToHaveTextAsync("stopped");
        await Expect(page.GetByTestId("start-session")).ToBeEnabledAsync();
        await page.CloseAsync();
    }
}
