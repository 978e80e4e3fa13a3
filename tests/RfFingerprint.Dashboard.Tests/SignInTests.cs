using Microsoft.Playwright;
using RfFingerprint.Dashboard.Tests.Support;
using RfFingerprint.Registry.Entities;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace RfFingerprint.Dashboard.Tests;

[Collection(DashboardCollection.Name)]
public sealed class SignInTests(DashboardFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task SignIn_ShowsEnrolledDevices_AndKeepsTheKeyOnlyInSessionStorage()
    {
        var page = await fixture.SignInAsync(ApiKeyRole.Viewer);

        foreach (var device in DashboardHost.EnrolledDevices)
        {
            var row = page.Locator($"[data-testid=device-row][data-name={device}]");
            await Expect(row.GetByTestId("device-status")).ToHaveTextAsync("active");
            await Expect(row.GetByTestId("enrolment-size")).ToContainTextAsync("bursts");
        }

        Assert.Equal(fixture.Host.KeyFor(ApiKeyRole.Viewer), await page.EvaluateAsync<string>("sessionStorage.getItem('rffp.apiKey')"));
        Assert.Equal(0, await page.EvaluateAsync<int>("localStorage.length"));
        Assert.Equal(string.Empty, await page.EvaluateAsync<string>("document.cookie"));
        output.WriteLine($"screenshot: {await DashboardFixture.ScreenshotAsync(page, "devices")}");
        await page.CloseAsync();
    }

    [Fact]
    public async Task SignIn_WithAnUnknownKey_StaysOnTheSignInFormWithAnError()
    {
        var page = await fixture.OpenAsync();
        await page.GetByTestId("api-key").FillAsync("rffp_000000000000_" + new string('0', 64));
        await page.GetByTestId("sign-in-button").ClickAsync();

        await Expect(page.GetByTestId("sign-in-error")).ToContainTextAsync("unknown");
        await Expect(page.GetByTestId("view")).ToBeHiddenAsync();
        Assert.Null(await page.EvaluateAsync<string?>("sessionStorage.getItem('rffp.apiKey')"));
        await page.CloseAsync();
    }

    [Fact]
    public async Task EveryView_LoadsOnlyFromTheServiceItself()
    {
        var page = await fixture.Browser.Context.NewPageAsync();
        var requested = new List<string>();
        page.Request += (_, request) => requested.Add(request.Url);
        await page.GotoAsync(fixture.Host.BaseAddress.ToString());
        await page.GetByTestId("api-key").FillAsync(fixture.Host.KeyFor(ApiKeyRole.Admin));
        await page.GetByTestId("sign-in-button").ClickAsync();
        await Expect(page.GetByTestId("role")).ToHaveTextAsync("admin");
        foreach (var view in new[] { "live", "jobs", "radio", "devices" })
        {
            await page.GotoAsync($"{fixture.Host.BaseAddress}#/{view}");
            await Expect(page.Locator($"[data-nav={view}]")).ToHaveClassAsync("active");
        }

        Assert.NotEmpty(requested);
        Assert.All(requested, url => Assert.StartsWith(fixture.Host.BaseAddress.ToString(), url, StringComparison.Ordinal));
        await page.CloseAsync();
    }

    [Fact]
    public async Task SignOut_ForgetsTheKey()
    {
        var page = await fixture.SignInAsync(ApiKeyRole.Viewer);
        await page.GetByTestId("sign-out").ClickAsync();

        await Expect(page.GetByTestId("sign-in")).ToBeVisibleAsync();
        Assert.Null(await page.EvaluateAsync<string?>("sessionStorage.getItem('rffp.apiKey')"));
        await page.CloseAsync();
    }
}
