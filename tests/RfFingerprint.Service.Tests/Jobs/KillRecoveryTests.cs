using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using RfFingerprint.Registry;
using RfFingerprint.Registry.Entities;
using RfFingerprint.Registry.Inputs;
using RfFingerprint.Sdr.SigMF;
using RfFingerprint.Service.Contracts;
using RfFingerprint.Service.Security;
using RfFingerprint.Service.Tests.Support;
using RfFingerprint.Simulation;

namespace RfFingerprint.Service.Tests.Jobs;

/// <summary>
/// A replay or an enrolment running in a real service process that is killed (SIGKILL) resumes when a host starts
/// again on the same registry: the capture's events end up stored exactly once, the device enrolled once.
/// </summary>
public sealed partial class KillRecoveryTests
{
    private const int LongBursts = 60;

    [Fact]
    public async Task ReplayKilledMidRun_ResumesAfterRestartWithoutDuplicateEvents()
    {
        await using var database = await TestDatabase.CreateAsync(RegistryProvider.Sqlite);
        using var folder = new TempFolder();
        var captures = folder.Path;
        TestCaptures.CopyInto(captures);
        WriteLongRecording(captures);
        var settings = TestCaptures.Settings();
        settings["Service:CaptureDirectory"] = captures;

        // Enrol in-process, and leave a key for the child process.
        string key;
        await using (var setup = await new ServiceFactory(database, settings, ownsDatabase: false).StartAsync())
        {
            using var admin = setup.ClientFor(ApiKeyRole.Admin);
            var enrol = await admin.PostAsJsonAsync("/api/v1/enrolments", new EnrolRequest(TestCaptures.DeviceNames[0], [TestCaptures.DeviceRecordings[0]], null, null));
            Assert.Equal("succeeded", (await JobPolling.WaitAsync(admin, (await enrol.Content.ReadFromJsonAsync<JobResponse>())!.Id)).State);
            key = setup.KeyFor(ApiKeyRole.Operator);
        }

        // A real service process runs the replay and is killed while the job is running.
        var jobId = await SubmitAndKillWhileRunningAsync(database.ConnectionString, settings, key, "/api/v1/replays", new { capture = "long.sigmf-meta" });

        await using var restarted = await new ServiceFactory(database, settings, ownsDatabase: false).StartAsync();
        using var viewer = restarted.ClientFor(ApiKeyRole.Viewer);
        var job = await JobPolling.WaitAsync(viewer, jobId, TimeSpan.FromSeconds(120));

        Assert.True(job.State == "succeeded", $"{job.State}: {job.Error}");
        Assert.True(job.Result!.Value.GetProperty("recovered").GetBoolean(), "the job finished before the kill, so nothing was recovered");
        var bursts = job.Result!.Value.GetProperty("bursts").GetInt32();
        var capture = await restarted.Registry.FindCaptureAsync(Sha512Of(Path.Combine(captures, "long.sigmf-meta")));
        Assert.Equal(bursts, await restarted.Registry.CountEventsAsync(new EventQuery { CaptureId = capture!.Id }));
    }

    [Fact]
    public async Task EnrolmentKilledMidRun_ResumesAfterRestartAndStoresOneEnrolment()
    {
        await using var database = await TestDatabase.CreateAsync(RegistryProvider.Sqlite);
        using var folder = new TempFolder();
        var captures = folder.Path;
        TestCaptures.CopyInto(captures);
        WriteLongRecording(captures);
        var settings = TestCaptures.Settings();
        settings["Service:CaptureDirectory"] = captures;
        string key;
        await using (var setup = await new ServiceFactory(database, settings, ownsDatabase: false).StartAsync())
        {
            key = setup.KeyFor(ApiKeyRole.Admin);
        }

        // The long recording is device 0's, so its bursts carry device 0's name.
        var jobId = await SubmitAndKillWhileRunningAsync(database.ConnectionString, settings, key, "/api/v1/enrolments",
            new EnrolRequest(TestCaptures.DeviceNames[0], ["long.sigmf-meta"], null, null));

        await using var restarted = await new ServiceFactory(database, settings, ownsDatabase: false).StartAsync();
        using var viewer = restarted.ClientFor(ApiKeyRole.Viewer);
        var job = await JobPolling.WaitAsync(viewer, jobId, TimeSpan.FromSeconds(120));

        Assert.True(job.State == "succeeded", $"{job.State}: {job.Error}");
        var device = await restarted.Registry.FindDeviceByNameAsync(TestCaptures.DeviceNames[0]);
        var enrolments = new List<Enrolment>();
        foreach (var model in await restarted.Registry.ListModelVersionsAsync())
            enrolments.AddRange((await restarted.Registry.ListEnrolmentsAsync(model.Id, activeDevicesOnly: false)).Where(e => e.DeviceId == device!.Id));
        var enrolment = Assert.Single(enrolments);
        Assert.Equal(job.Result!.Value.GetProperty("burstsUsed").GetInt32(), enrolment.EmbeddingCount);
        Assert.Single(enrolment.Captures);
    }

    private static string Sha512Of(string meta)
    {
        using var recording = SigMFRecording.Open(meta);
        return recording.ComputeSha512();
    }

    /// <summary>A longer recording of device 0, so that the replay is still running when the process is killed.</summary>
    private static void WriteLongRecording(string folder)
    {
        using var scratch = new TempFolder();
        var result = SimulationRunner.Run(new SimulationOptions
        {
            DeviceIndices = [0],
            BurstsPerDevice = LongBursts,
            Seed = 7,
            Session = 11,
            SnrDb = 25,
            OutputDirectory = scratch.Path,
        });
        var meta = result.Recordings[0].MetaPath;
        File.Copy(SigMFPaths.DataPath(meta), Path.Combine(folder, "long" + SigMFPaths.DataExtension));
        File.Copy(meta, Path.Combine(folder, "long" + SigMFPaths.MetaExtension));
    }

    /// <summary>Submits a job to a real service process and kills it (SIGKILL) as soon as the job is running.</summary>
    private static async Task<string> SubmitAndKillWhileRunningAsync(
        string registry, IReadOnlyDictionary<string, string?> settings, string key, string path, object request)
    {
        var (child, baseAddress) = await StartServiceProcessAsync(registry, settings);
        try
        {
            using var client = new HttpClient { BaseAddress = baseAddress };
            client.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, key);
            var submitted = await client.PostAsJsonAsync(path, request);
            var jobId = (await submitted.Content.ReadFromJsonAsync<JobResponse>())!.Id;
            var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
            while ((await client.GetFromJsonAsync<JobResponse>($"/api/v1/jobs/{jobId}"))!.State != "running")
            {
                Assert.True(DateTimeOffset.UtcNow < deadline, $"the job submitted to {path} never started");
                await Task.Delay(10);
            }

            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync();
            return jobId;
        }
        finally
        {
            // Never leave the service process behind, whatever failed above.
            if (!child.HasExited)
                child.Kill(entireProcessTree: true);
            child.Dispose();
        }
    }

    private static async Task<(Process Process, Uri BaseAddress)> StartServiceProcessAsync(string registry, IReadOnlyDictionary<string, string?> settings)
    {
        var service = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [service])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(service)!,
        };
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["RFFP_Registry__ConnectionString"] = registry;
        foreach (var (name, value) in settings)
            start.Environment["RFFP_" + name.Replace(":", "__", StringComparison.Ordinal)] = value;
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        // Both pipes are drained for the process's whole life, so it never blocks writing its log.
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null && ListeningOn().Match(e.Data) is { Success: true } match)
                listening.TrySetResult(new Uri(match.Groups[1].Value));
        };
        process.ErrorDataReceived += (_, _) => { };
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("the service process exited before it listened"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            return (process, await listening.Task.WaitAsync(TimeSpan.FromSeconds(60)));
        }
        catch
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningOn();
}
