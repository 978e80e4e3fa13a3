using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using RfFingerprint.Registry.Inputs;
using RfFingerprint.Sdr.SigMF;

namespace RfFingerprint.Benchmarks.Load;

/// <summary>
/// <c>restart</c> mode: a replay job and an enrolment job, each in a real service process killed with SIGKILL while the
/// job runs; a new process on the same registry resumes it. Reports how long resuming took and checks that the replay's
/// events and the enrolment are stored exactly once.
/// </summary>
internal static class RestartBench
{
    public static async Task<int> RunAsync(BenchArgs args)
    {
        var bursts = args.Integer("bursts", 600);
        var killAtProgress = args.Number("kill-at-progress", 0.6);
        var database = args.Text("database", "sqlite");
        args.RejectUnknown();

        await using var workspace = await BenchWorkspace.CreateAsync(database);
        var enrol = workspace.Simulate(devices: 1, burstsPerDevice: 8, session: 3, "enrol");
        var longRecordings = workspace.Simulate(devices: 2, burstsPerDevice: bursts, session: 11, "long");
        var replayed = Path.GetFileName(longRecordings.Recordings[0].MetaPath);
        var enrolled = Path.GetFileName(longRecordings.Recordings[1].MetaPath);
        // The second long recording enrols a device of its own name (its bursts carry that label).
        var enrolledDevice = enrolled[..^SigMFPaths.MetaExtension.Length];

        var table = new MarkdownTable($"restart: SIGKILL once a running job reports {killAtProgress:P0} progress, then a new service process on the same {workspace.DatabaseName} registry ({bursts}-burst recordings)");
        var ok = true;
        await using (var first = await ServiceProcess.StartAsync(workspace.ServiceSettings()))
        {
            await workspace.EnrolAsync(first.BaseAddress, enrol);
        }

        async Task<long> CountReplayEventsAsync()
        {
            await using var registry = workspace.OpenRegistry();
            using var recording = SigMFRecording.Open(Path.Combine(workspace.CaptureDirectory, replayed));
            var capture = await registry.FindCaptureAsync(recording.ComputeSha512());
            return capture is null ? 0 : await registry.CountEventsAsync(new EventQuery { CaptureId = capture.Id });
        }

        // Replay.
        var replay = await KillAndResumeAsync(workspace, "/api/v1/replays", new { capture = replayed }, killAtProgress, CountReplayEventsAsync);
        var replayEvents = await CountReplayEventsAsync();

        var replayBursts = replay.Result.ValueKind == JsonValueKind.Object && replay.Result.TryGetProperty("bursts", out var b) ? b.GetInt32() : -1;
        ok &= replay.State == "succeeded" && replayEvents == replayBursts;
        AddRows(table, "replay", replay);
        table.Add("replay: bursts decided / event rows of its capture", $"{replayBursts} / {replayEvents} ({(replayEvents == replayBursts ? "exactly once" : "MISMATCH")})");

        // Enrolment.
        var enrolment = await KillAndResumeAsync(workspace, "/api/v1/enrolments", new { deviceName = enrolledDevice, captures = new[] { enrolled } }, killAtProgress, null);
        int rows;
        int embeddings;
        int distinctCaptures;
        await using (var registry = workspace.OpenRegistry())
        {
            var device = await registry.FindDeviceByNameAsync(enrolledDevice);
            var all = new List<RfFingerprint.Registry.Entities.Enrolment>();
            foreach (var model in await registry.ListModelVersionsAsync())
            {
                all.AddRange((await registry.ListEnrolmentsAsync(model.Id, activeDevicesOnly: false)).Where(e => e.DeviceId == device?.Id));
            }

            rows = all.Count;
            embeddings = all.Sum(e => e.EmbeddingCount);
            distinctCaptures = all.SelectMany(e => e.Captures).Select(c => c.CaptureId).Distinct().Count();
        }

        var used = enrolment.Result.ValueKind == JsonValueKind.Object && enrolment.Result.TryGetProperty("burstsUsed", out var u) ? u.GetInt32() : -1;
        ok &= enrolment.State == "succeeded" && rows == 1 && embeddings == used;
        AddRows(table, "enrolment", enrolment);
        table.Add("enrolment: rows for the device / embeddings stored / bursts used / captures", $"{rows} / {embeddings} / {used} / {distinctCaptures} ({(rows == 1 && embeddings == used ? "exactly once" : "MISMATCH")})");
        table.Add("load average at end", ProcessStats.LoadAverage());
        Console.WriteLine(table);
        return ok ? 0 : 1;
    }

    private static void AddRows(MarkdownTable table, string kind, Resumed run) => table
        .Add($"{kind}: job state after restart (attempt)", $"{run.State} ({run.Attempt}){(run.Error is { } e ? ": " + e : "")}")
        .Add($"{kind}: progress when killed", run.ProgressAtKill.ToString("P0", CultureInfo.InvariantCulture)
            + (run.EventsAtKill is { } events ? $", {events} event rows already stored" : ""))
        .Add($"{kind}: restart to listening / to job done, s", $"{run.ListeningSeconds:0.00} / {run.DoneSeconds:0.00}");

    private static async Task<Resumed> KillAndResumeAsync(BenchWorkspace workspace, string path, object body, double killAtProgress, Func<Task<long>>? countEvents)
    {
        string jobId;
        double progress;
        long? eventsAtKill = null;
        await using (var doomed = await ServiceProcess.StartAsync(workspace.ServiceSettings()))
        {
            using var client = Client(doomed.BaseAddress, workspace.AdminKey);
            var response = await client.PostAsJsonAsync(path, body);
            response.EnsureSuccessStatusCode();
            jobId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
            var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
            while (true)
            {
                var job = await client.GetFromJsonAsync<JsonElement>($"/api/v1/jobs/{jobId}");
                var state = job.GetProperty("state").GetString();
                progress = job.GetProperty("progress").GetDouble();
                if (state == "running" && progress >= killAtProgress)
                {
                    break;
                }

                if (state is "succeeded" or "failed" || DateTimeOffset.UtcNow > deadline)
                {
                    throw new InvalidOperationException($"job {jobId} was {state} at {progress:P0} when it was to be killed: use longer recordings (--bursts) or a lower --kill-at-progress");
                }

                await Task.Delay(5);
            }

            await doomed.KillAsync();
        }

        if (countEvents is not null)
        {
            eventsAtKill = await countEvents();
        }

        var clock = Stopwatch.StartNew();
        await using var restarted = await ServiceProcess.StartAsync(workspace.ServiceSettings());
        var listening = clock.Elapsed.TotalSeconds;
        using var viewer = Client(restarted.BaseAddress, workspace.AdminKey);
        var done = await BenchWorkspace.WaitForJobAsync(viewer, jobId, TimeSpan.FromMinutes(5));
        var doneSeconds = clock.Elapsed.TotalSeconds;
        return new Resumed(
            done.GetProperty("state").GetString()!,
            done.GetProperty("attempt").GetInt32(),
            done.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String ? error.GetString() : null,
            done.TryGetProperty("result", out var result) && result.ValueKind == JsonValueKind.Object ? result.Clone() : default,
            progress,
            eventsAtKill,
            listening,
            doneSeconds);
    }

    private static HttpClient Client(Uri baseAddress, string key)
    {
        var client = new HttpClient { BaseAddress = baseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    private sealed record Resumed(string State, int Attempt, string? Error, JsonElement Result, double ProgressAtKill, long? EventsAtKill, double ListeningSeconds, double DoneSeconds);
}
