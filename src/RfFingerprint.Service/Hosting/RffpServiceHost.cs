namespace RfFingerprint.Service.Hosting;

/// <summary>Builds the service host; <c>Program.cs</c> and <c>rffp serve</c> both start it through here.</summary>
public static class RffpServiceHost
{
    /// <summary>
    /// Builds the host with the usual ASP.NET Core configuration (appsettings.json in the content root, environment,
    /// command line), then <paramref name="overrides"/> on top (the CLI's effective configuration), then
    /// <paramref name="urls"/> when given.
    /// </summary>
    /// <param name="args">Command-line arguments for the host (e.g. <c>--urls</c>).</param>
    /// <param name="overrides">Configuration that wins over the host's own sources, or null.</param>
    /// <param name="urls">Listening addresses (';'-separated) that win over <c>Service:Urls</c>, or null.</param>
    public static WebApplication Build(string[] args, IConfiguration? overrides = null, string? urls = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (overrides is not null)
        {
            builder.Configuration.AddConfiguration(overrides);
        }

        if (!string.IsNullOrWhiteSpace(urls))
        {
            builder.Configuration[WebHostDefaults.ServerUrlsKey] = urls;
        }

        builder.AddRffpService();
        var app = builder.Build();
        app.UseRffpService();
        return app;
    }
}
