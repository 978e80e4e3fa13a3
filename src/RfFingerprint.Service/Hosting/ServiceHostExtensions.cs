using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using RfFingerprint.Pipeline;
using RfFingerprint.Pipeline.Options;
using RfFingerprint.Registry;
using RfFingerprint.Service.Api;
using RfFingerprint.Service.Capture;
using RfFingerprint.Uhd.Streaming;
using RfFingerprint.Service.Contracts;
using RfFingerprint.Service.Dashboard;
using RfFingerprint.Service.Jobs;
using RfFingerprint.Service.Processing;
using RfFingerprint.Service.Live;
using RfFingerprint.Service.Security;
using RfFingerprint.Service.Telemetry;

namespace RfFingerprint.Service.Hosting;

/// <summary>Registration and pipeline of the rffp service host; <c>Program.cs</c> only calls these.</summary>
public static class ServiceHostExtensions
{
    /// <summary>
    /// Adds everything the service needs: options, registry, API-key security, problem details, JSON settings,
    /// OpenAPI, metrics, the live feed. Listens on <see cref="ServiceOptions.Urls"/> (loopback by default) unless
    /// <c>--urls</c> or <c>ASPNETCORE_URLS</c> chose addresses.
    /// </summary>
    public static WebApplicationBuilder AddRffpService(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Configuration.AddEnvironmentVariables("RFFP_");
        var section = builder.Configuration.GetSection(ServiceOptions.SectionName);
        builder.Services.Configure<ServiceOptions>(section);
        var options = section.Get<ServiceOptions>() ?? new ServiceOptions();
        if (string.IsNullOrWhiteSpace(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        // JSON bodies are small; upload endpoints raise the limit for themselves.
        builder.Services.Configure<KestrelServerOptions>(k => k.Limits.MaxRequestBodySize = options.MaxJsonBodyBytes);

        var services = builder.Services;
        services.AddHostedService<RegistryMigrationService>();
        services.AddRegistry(builder.Configuration);
        services.Configure<ModelOptions>(builder.Configuration.GetSection(ModelOptions.SectionName));
        services.Configure<ReceiverOptions>(builder.Configuration.GetSection(ReceiverOptions.SectionName));
        services.Configure<PipelineOptions>(builder.Configuration.GetSection(PipelineOptions.SectionName));
        services.Configure<DecisionSettings>(builder.Configuration.GetSection(DecisionSettings.SectionName));
        services.AddSingleton<PipelineProvider>();
        services.AddSingleton<IHealthContributor>(sp => sp.GetRequiredService<PipelineProvider>());
        services.AddSingleton<CaptureStore>();
        services.Configure<CaptureOptions>(builder.Configuration.GetSection(CaptureOptions.SectionName));
        services.Configure<UhdOptions>(builder.Configuration.GetSection(UhdOptions.SectionName));
        services.AddSingleton<IqSourceFactory>();
        services.AddSingleton<CaptureSessionManager>();
        services.AddSingleton<IHealthContributor>(sp => sp.GetRequiredService<CaptureSessionManager>());
        services.AddRffpJobs(builder.Configuration);
        services.AddHostedService<CaptureWorker>();
        services.AddApiKeySecurity();
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            json.SerializerOptions.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
        });
        services.AddOpenApi(ServiceApi.DocumentName);
        services.AddMetrics();
        services.AddSingleton<ServiceMetrics>();
        services.AddSingleton<PrometheusExporter>();
        services.AddSingleton<DecisionBroadcaster>();
        services.AddRffpDashboard();
        return builder;
    }

    /// <summary>
    /// Adds the request pipeline: problem details for errors and bare status codes, authentication, authorization,
    /// then the <c>/api/v1</c> endpoints. The dashboard's static files come before authentication (they hold no data).
    /// </summary>
    public static WebApplication UseRffpService(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // The exporter only sees measurements made after it starts listening: start it with the host.
        _ = app.Services.GetRequiredService<PrometheusExporter>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRffpDashboardFiles();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapRffpApi().MapDashboardApi();
        return app;
    }
}
