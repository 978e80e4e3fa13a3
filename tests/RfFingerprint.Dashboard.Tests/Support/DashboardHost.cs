using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RfFingerprint.Registry;
using RfFingerprint.Registry.Entities;
using RfFingerprint.Service.Contracts;
using RfFingerprint.Service.Hosting;
using RfFingerprint.Service.Security;

namespace RfFingerprint.Dashboard.Tests.Support;

/// <summary>
/// The real service (Kestrel on a free loopback port, as <c>rffp serve</c> starts it) over a real SQLite file, the
/// repository's default ONNX model and a capture folder holding copies of bundled recordings. The live radio is a
/// sigmf source: the traffic recording followed by a long stretch of silence, so a session keeps running until stopped.
/// </summary>
public sealed class DashboardHost : IAsyncDisposable
{
    /// <summary>Devices enrolled before any test runs (their enrol recordings are in the capture folder).</summary>
    public static readonly string[] EnrolledDevices = ["dev00", "dev01"];

    /// <summary>A device whose recording is left for the admin test to upload and enrol through the page.</summary>
    public const string DeviceToEnrol = "dev02";

    /// <summary>Seconds of silence appended to the radio's recording (a sparse file: no disk space, no write time).</summary>
    private const int RadioSeconds = 600;

    private readonly WebApplication _app;
    private readonly Dictionary<ApiKeyRole, string> _keys = [];

    private DashboardHost(WebApplication app, string folder, string captureFolder)
    {
        _app = app;
        Folder = folder;
        CaptureFolder = captureFolder;
    }

    /// <summary>Temp folder of this host (database, captures, radio recording).</summary>
    public string Folder { get; }

    /// <summary>The service's capture folder.</summary>
    public string CaptureFolder { get; }

    /// <summary>Base address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public IRegistryStore Registry => _app.Services.GetRequiredService<IRegistryStore>();

    public string KeyFor(ApiKeyRole role) => _keys[role];

    /// <summary>A client of the service sending the key of <paramref name="role"/>.</summary>
    public HttpClient ClientFor(ApiKeyRole role)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, KeyFor(role));
        return client;
    }

    public static async Task<DashboardHost> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "rffp-dashboard-tests", Guid.NewGuid().ToString("N"));
        var captures = Path.Combine(folder, "captures");
        Directory.CreateDirectory(captures);
        foreach (var device in EnrolledDevices)
        {
            CopyRecording(Path.Combine(RepoPaths.EnrolCaptures, device), captures);
        }

        CopyRecording(RepoPaths.Traffic, captures);
        var radio = WriteRadioRecording(folder);

        var settings = new Dictionary<string, string?>
        {
            ["Registry:ConnectionString"] = Path.Combine(folder, "registry", "rffp.db"),
            ["Service:CaptureDirectory"] = captures,
            ["Model:Path"] = RepoPaths.DefaultModel,
            ["Capture:Source"] = "sigmf",
            ["Capture:SigMFPath"] = radio,
            ["Capture:RealTime"] = "true",
            ["Jobs:RetryAttempts"] = "1",
            ["Jobs:RetryDelaySeconds"] = "1",
            ["Pipeline:Threads"] = "1",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        var overrides = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var app = RffpServiceHost.Build([], overrides, "http://127.0.0.1:0");
        var host = new DashboardHost(app, folder, captures);
        try
        {
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            host.BaseAddress = new Uri(address);
            foreach (var role in Enum.GetValues<ApiKeyRole>())
            {
                host._keys[role] = (await host.Registry.CreateApiKeyAsync($"dashboard-test-{role}", role)).PlaintextKey;
            }

            using var admin = host.ClientFor(ApiKeyRole.Admin);
            foreach (var device in EnrolledDevices)
            {
                await RunJobAsync(admin, "/api/v1/enrolments", new EnrolRequest(device, [device + ".sigmf-meta"], null, null));
            }

            // Events of enrolled devices for the device page and the burst detail (the live test replays traffic itself).
            await RunJobAsync(admin, "/api/v1/replays", new { capture = EnrolledDevices[0] + ".sigmf-meta" });
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>Submits a job and waits (through the API) until it succeeded.</summary>
    public static async Task<JobResponse> RunJobAsync<T>(HttpClient client, string path, T request)
    {
        using var response = await client.PostAsJsonAsync(path, request);
        Assert.True(response.IsSuccessStatusCode, $"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var job = (await response.Content.ReadFromJsonAsync<JobResponse>())!;
        var deadline = DateTimeOffset.UtcNow.AddSeconds(120);
        while (job.State is not ("succeeded" or "failed"))
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"job {job.Id} ({path}) still {job.State}");
            await Task.Delay(100);
            job = (await client.GetFromJsonAsync<JobResponse>($"/api/v1/jobs/{job.Id}"))!;
        }

        Assert.True(job.State == "succeeded", $"job {job.Id} ({path}) failed: {job.Error}");
        return job;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; failing the run over it would hide the real result.
        }
    }

    private static void CopyRecording(string basePath, string folder)
    {
        foreach (var extension in new[] { ".sigmf-meta", ".sigmf-data" })
        {
            File.Copy(basePath + extension, Path.Combine(folder, Path.GetFileName(basePath) + extension));
        }
    }

    /// <summary>The traffic recording followed by silence: the data file is extended sparsely, so it costs nothing to write.</summary>
    private static string WriteRadioRecording(string folder)
    {
        var basePath = Path.Combine(folder, "radio");
        // The extended data no longer has the recorded digest, so the copy's metadata drops it.
        var meta = JsonNode.Parse(File.ReadAllText(RepoPaths.Traffic + ".sigmf-meta"))!;
        meta["global"]!.AsObject().Remove("core:sha512");
        File.WriteAllText(basePath + ".sigmf-meta", meta.ToJsonString());
        File.Copy(RepoPaths.Traffic + ".sigmf-data", basePath + ".sigmf-data");
        using (var data = new FileStream(basePath + ".sigmf-data", FileMode.Open, FileAccess.Write))
        {
            // ci16: 4 bytes per complex sample, 1 MS/s.
            data.SetLength(Math.Max(data.Length, RadioSeconds * 1_000_000L * 4));
        }

        return basePath + ".sigmf-meta";
    }
}
