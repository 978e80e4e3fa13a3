using Microsoft.Playwright;
using RfFingerprint.Dashboard.Tests.Support;
using RfFingerprint.Registry.Entities;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace RfFingerprint.Dashboard.Tests;

[Collection(DashboardCollection.Name)]
public sealed class DevicePageTests(DashboardFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task DevicePage_DrawsCfoHistoryWithItsRange_RecentEvents_AndBothSpectrograms()
    {
        var device = DashboardHost.EnrolledDevices[0];
        var page = await fixture.SignInAsync(ApiKeyRole.Viewer);
        await page.Locator($"[data-testid=device-row][data-name={device}] a").ClickAsync();

        await Expect(page.GetByTestId("device-name")).ToHaveTextAsync(device);
        await Expect(page.GetByTestId("device-enrolment")).ToContainTextAsync("accepted");
        await Expect(page.GetByTestId("recent-event").First).ToBeVisibleAsync();
        foreach (var id in new[] { "cfo-chart", "enrolment-spectrogram", "latest-spectrogram" })
        {
            var canvas = page.GetByTestId(id);
            await Expect(canvas).ToHaveAttributeAsync("data-drawn", "true");
            Assert.True(await CanvasPixels.DistinctColoursAsync(canvas) > 5, $"{id} is (nearly) blank");
        }

        await Expect(page.GetByTestId("enrolment-spectrogram-note")).ToContainTextAsync("mean of 7 enrolment bursts");
        output.WriteLine($"screenshot: {await DashboardFixture.ScreenshotAsync(page, "device-page")}");

        // The same page on a tablet held upright: everything stacks into one column.
        await page.SetViewportSizeAsync(820, 1180);
        await Expect(page.GetByTestId("cfo-chart")).ToBeVisibleAsync();
        output.WriteLine($"screenshot: {await DashboardFixture.ScreenshotAsync(page, "device-page-tablet")}");
        await page.CloseAsync();
    }
}
