using Microsoft.Playwright;
using RfFingerprint.Registry.Entities;

namespace RfFingerprint.Dashboard.Tests.Support;

/// <summary>One service and one browser for the whole dashboard suite (starting either per test would triple its time).</summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    /// <summary>How long Playwright's expectations wait: generous, because the CI machine is small and shared.</summary>
    public const float ExpectTimeoutMs = 45_000;

    public DashboardHost Host { get; private set; } = null!;

    public Browser Browser { get; private set; } = null!;

    /// <summary>Where screenshots go: TestResults/screenshots under the test output folder.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(ExpectTimeoutMs);
        Directory.CreateDirectory(ScreenshotFolder);
        Browser = await Browser.LaunchAsync();
        Host = await DashboardHost.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }

    /// <summary>A new tab on the dashboard, signed in with the key of <paramref name="role"/>.</summary>
    public async Task<IPage> SignInAsync(ApiKeyRole role)
    {
        var page = await OpenAsync();
        await page.GetByTestId("api-key").FillAsync(Host.KeyFor(role));
        await page.GetByTestId("sign-in-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("role")).ToHaveTextAsync(role.ToString().ToLowerInvariant());
        return page;
    }

    /// <summary>A new tab on the dashboard's sign-in page.</summary>
    public async Task<IPage> OpenAsync()
    {
        var page = await Browser.Context.NewPageAsync();
        page.SetDefaultTimeout(ExpectTimeoutMs);
        await page.GotoAsync(Host.BaseAddress.ToString());
        return page;
    }

    /// <summary>Saves a full-page screenshot and returns its path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(ScreenshotFolder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "dashboard";
}
