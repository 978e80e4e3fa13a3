using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using RfFingerprint.Dashboard.Tests.Support;
using RfFingerprint.Registry.Entities;
using RfFingerprint.Service.Contracts;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace RfFingerprint.Dashboard.Tests;

[Collection(DashboardCollection.Name)]
public sealed class RoleTests(DashboardFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task AdminUploadsARecordingAndEnrolsTheDeviceThroughThePage()
    {
        var page = await fixture.SignInAsync(ApiKeyRole.Admin);
        await page.GotoAsync(fixture.Host.BaseAddress + "#/jobs");
        var source = Path.Combine(RepoPaths.EnrolCaptures, DashboardHost.DeviceToEnrol);
        await page.GetByTestId("upload-files").SetInputFilesAsync([source + ".sigmf-meta", source + ".sigmf-data"]);
        await page.GetByTestId("upload-name").FillAsync("uploaded-" + DashboardHost.DeviceToEnrol);
        await page.GetByTestId("upload-button").ClickAsync();
        await Expect(page.GetByTestId("upload-result")).ToContainTextAsync("Stored as");

        await page.GetByTestId("enrol-name").FillAsync(DashboardHost.DeviceToEnrol);
        await page.Locator($"[data-testid=enrol-capture][value^='uploaded-{DashboardHost.DeviceToEnrol}']").CheckAsync();
        await page.GetByTestId("enrol-button").ClickAsync();
        var job = page.Locator("[data-testid=job-row][data-kind=enrolment]", new() { HasText = $"{DashboardHost.DeviceToEnrol} from uploaded-" });
        await Expect(job).ToHaveAttributeAsync("data-state", "succeeded");
        output.WriteLine($"screenshot: {await DashboardFixture.ScreenshotAsync(page, "admin-enrolled")}");

        await page.GotoAsync(fixture.Host.BaseAddress + "#/devices");
        var row = page.Locator($"[data-testid=device-row][data-name={DashboardHost.DeviceToEnrol}]");
        await Expect(row.GetByTestId("enrolment-size")).ToContainTextAsync("bursts");
        await Expect(row.GetByTestId("revoke")).ToBeVisibleAsync();
        await page.CloseAsync();
    }

    [Fact]
    public async Task AdminRevokesAndReactivatesADeviceFromTheList()
    {
        const string name = "bench-spare";
        using (var admin = fixture.Host.ClientFor(ApiKeyRole.Admin))
        {
            using var created = await admin.PostAsJsonAsync("/api/v1/devices", new CreateDeviceRequest(name, null, null, null));
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        }

        var page = await fixture.SignInAsync(ApiKeyRole.Admin);
        // The page asks before revoking; Playwright would dismiss the question unless told to accept it.
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        var row = page.Locator($"[data-testid=device-row][data-name={name}]");
        await row.GetByTestId("revoke").ClickAsync();
        await Expect(row.GetByTestId("device-status")).ToHaveTextAsync("revoked");

        await row.GetByTestId("reactivate").ClickAsync();
        await Expect(row.GetByTestId("device-status")).ToHaveTextAsync("active");
        await page.CloseAsync();
    }

    [Fact]
    public async Task Viewer_SeesNoOperatorOrAdminAction()
    {
        var page = await fixture.SignInAsync(ApiKeyRole.Viewer);
        await Expect(page.GetByTestId("device-row").First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("revoke")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("enrol-link")).ToHaveCountAsync(0);

        await page.Locator("[data-testid=device-row] a").First.ClickAsync();
        await Expect(page.GetByTestId("device-enrolment")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("device-lifecycle")).ToHaveCountAsync(0);

        await page.GotoAsync(fixture.Host.BaseAddress + "#/jobs");
        await Expect(page.GetByTestId("capture-row").First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("replay")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("upload-card")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("enrol-card")).ToHaveCountAsync(0);

        await page.GotoAsync(fixture.Host.BaseAddress + "#/radio");
        await Expect(page.GetByTestId("session-state")).Not.ToHaveTextAsync("–");
        await Expect(page.GetByTestId("session-controls")).ToHaveCountAsync(0);
        output.WriteLine($"screenshot: {await DashboardFixture.ScreenshotAsync(page, "viewer-radio")}");
        await page.CloseAsync();
    }

    [Fact]
    public async Task Operator_MayReplayButSeesNoAdminAction()
    {
        var page = await fixture.SignInAsync(ApiKeyRole.Operator);
        await page.GotoAsync(fixture.Host.BaseAddress + "#/jobs");
        await Expect(page.GetByTestId("replay").First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("upload-card")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("enrol-card")).ToHaveCountAsync(0);

        await page.GotoAsync(fixture.Host.BaseAddress + "#/devices");
        await Expect(page.GetByTestId("device-row").First).ToBeVisibleAsync();
        await Expect(page.GetByTestId("revoke")).ToHaveCountAsync(0);
        await page.CloseAsync();
    }

    [Fact]
    public async Task Viewer_IsRefusedTheActionsItIsNotShown()
    {
        using var viewer = fixture.Host.ClientFor(ApiKeyRole.Viewer);
        var refused = new Dictionary<string, HttpResponseMessage>
        {
            ["enrol"] = await viewer.PostAsJsonAsync("/api/v1/enrolments", new EnrolRequest("dev09", ["traffic.sigmf-meta"], null, null)),
            ["replay"] = await viewer.PostAsJsonAsync("/api/v1/replays", new { capture = "traffic.sigmf-meta" }),
            ["start session"] = await viewer.PostAsJsonAsync("/api/v1/capture-sessions", new CaptureSessionRequest(null, null, null)),
            ["revoke"] = await viewer.PostAsync("/api/v1/devices/1/revoke", null),
        };

        foreach (var (action, response) in refused)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{action} answered a viewer {(int)response.StatusCode}");
            response.Dispose();
        }

        using var me = await viewer.GetAsync("/api/v1/me");
        Assert.Contains("\"role\":\"viewer\"", await me.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
