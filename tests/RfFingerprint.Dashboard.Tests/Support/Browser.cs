using Microsoft.Playwright;

namespace RfFingerprint.Dashboard.Tests.Support;

/// <summary>
/// Debian's Chromium, headless, driven by Playwright's own driver (shipped in the NuGet package): no browser is ever
/// downloaded. One persistent context with a fresh profile folder; each test opens its own tab, and a tab's
/// sessionStorage (where the page keeps the API key) is its own.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly string _profile;

    private Browser(IPlaywright playwright, IBrowserContext context, string profile)
    {
        _playwright = playwright;
        Context = context;
        _profile = profile;
    }

    public IBrowserContext Context { get; }

    public static async Task<Browser> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"The dashboard tests drive Debian's Chromium at {ChromiumPath}, which is not installed: run 'apt-get install chromium' " +
                "(the tests never download a browser).");
        }

        var profile = Path.Combine(Path.GetTempPath(), "rffp-dashboard-tests", "chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var playwright = await Playwright.CreateAsync();
        try
        {
            var context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args =
                [
                    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync",
                ],
                ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
            });
            return new Browser(playwright, context, profile);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        _playwright.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be releasing its profile; a temp folder left behind is harmless.
        }
    }
}
