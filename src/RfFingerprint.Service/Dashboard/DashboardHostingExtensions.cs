using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace RfFingerprint.Service.Dashboard;

/// <summary>Registration of the dashboard: its read endpoints' services and the static page under <c>/</c>.</summary>
public static class DashboardHostingExtensions
{
    /// <summary>Folder (beside the service's assembly) that holds the page: copied there by the build.</summary>
    public const string FolderName = "wwwroot";

    /// <summary>Adds the services behind <see cref="DashboardApi"/>.</summary>
    public static IServiceCollection AddRffpDashboard(this IServiceCollection services)
    {
        services.AddSingleton<BurstSpectrograms>();
        services.AddSingleton<RadioSettings>();
        return services;
    }

    /// <summary>
    /// Serves the dashboard's files (<c>/</c> is <c>index.html</c>) from the <see cref="FolderName"/> folder beside the
    /// assembly, so <c>rffp serve</c>, <c>dotnet run</c> and tests find the same copy whatever the working directory.
    /// Call before authentication: the files hold no data (every number comes from the API with the user's key), so
    /// they are public, and they are middleware rather than endpoints, so every endpoint stays under <c>/api/v1</c>
    /// with a role. Pages may load scripts, styles and images only from this server.
    /// </summary>
    public static WebApplication UseRffpDashboardFiles(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var root = Path.Combine(AppContext.BaseDirectory, FolderName);
        if (!Directory.Exists(root))
        {
            app.Logger.LogWarning("Dashboard folder {Folder} does not exist; the dashboard is not served", root);
            return app;
        }

        var files = new PhysicalFileProvider(root);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = new FileExtensionContentTypeProvider(),
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                // Revalidate every time: an upgraded service must not run yesterday's script against today's API.
                headers.CacheControl = "no-cache";
                headers.XContentTypeOptions = "nosniff";
                headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
            },
        });
        return app;
    }
}
