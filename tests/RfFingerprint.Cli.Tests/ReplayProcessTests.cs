using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using RfFingerprint.Cli.Tests.TestSupport;
using RfFingerprint.Registry;
using RfFingerprint.Registry.Entities;
using RfFingerprint.Registry.Inputs;

namespace RfFingerprint.Cli.Tests;

/// <summary>
/// Replays run as real <c>rffp</c> processes against one SQLite file: two at once, or one killed (SIGKILL, no chance to
/// clean up) and run again. Either way every burst ends up recorded exactly once.
/// </summary>
public sealed partial class ReplayProcessTests(PopulationFixture population, LongRecordingFixture longRecording)
    : IClassFixture<PopulationFixture>, IClassFixture<LongRecordingFixture>
{
    [Fact]
    public async Task Two_rffp_processes_replaying_into_one_SQLite_file_at_once_both_finish_and_record_every_burst_once()
    {
        var (config, registry) = await EnrolledRegistryAsync();
        var recordings = population.Recordings;

        // Opposite orders, so the two processes meet on every capture while both are writing.
        using var forward = RffpProcess.Start(["--config", config, "replay", "--jsonl", .. recordings]);
        using var backward = RffpProcess.Start(["--config", config, "replay", "--jsonl", .. recordings.Reverse()]);
        var results = await Task.WhenAll(forward.WaitForExitAsync(), backward.WaitForExitAsync());

        Assert.All(results, r => Assert.Equal(0, r.ExitCode));
        Assert.All(results, r => Assert.Equal(12, JsonLines.Parse(r.Output).Count));
        Assert.Equal(12, results.Sum(NewEvents));
        var events = await EventsAsync(registry);
        Assert.Equal(12, events.Count);
        Assert.Equal(12, events.Select(e => (e.CaptureId, e.SampleIndex)).Distinct().Count());
    }

    [Fact]
    public async Task A_replay_process_killed_mid_recording_is_completed_by_a_rerun_that_records_every_burst_once()
    {
        // One recording at a time through short queues: when the long recording's first decision is printed, almost all
        // of it is still to be received, so the kill lands mid-recording (with the default queues the receiver ran the
        // whole recording ahead and the process could finish before the kill).
        var (config, registry) = await EnrolledRegistryAsync(parallelCaptures: 1, queueCapacity: 4);
        string[] replay = ["--config", config, "replay", "--jsonl", .. population.Recordings, longRecording.Recording];

        using (var killed = RffpProcess.Start(replay))
        {
            // The long recording's first decision: the short recordings before it are done, the long one is not.
            await killed.WaitForLineAsync(line => CaptureOf(line) == longRecording.Recording);
            await killed.KillAsync();
            Assert.NotEqual(0, (await killed.WaitForExitAsync()).ExitCode);
        }

        var recordedBeforeRerun = (await EventsAsync(registry)).Count;
        using var rerunProcess = RffpProcess.Start(replay);
        var rerun = await rerunProcess.WaitForExitAsync();

        Assert.Equal(0, rerun.ExitCode);
        var bursts = JsonLines.Parse(rerun.Output).Count;
        Assert.InRange(recordedBeforeRerun, 0, bursts - 1);
        Assert.Equal(bursts - recordedBeforeRerun, NewEvents(rerun));
        var events = await EventsAsync(registry);
        Assert.Equal(bursts, events.Count);
        Assert.Equal(bursts, events.Select(e => (e.CaptureId, e.SampleIndex)).Distinct().Count());
    }

    private async Task<(string Config, string Registry)> EnrolledRegistryAsync(int? parallelCaptures = null, int? queueCapacity = null)
    {
        var registry = Path.Combine(Path.GetTempPath(), $"rffp-processes-{Guid.NewGuid():N}.db");
        var config = population.NewConfig(registryPath: registry, parallelCaptures: parallelCaptures, queueCapacity: queueCapacity);
        var enrolled = await CliRunner.RunAsync("--config", config, "enroll", "--device", "dev00", population.Recordings[0]);
        Assert.Equal(0, enrolled.ExitCode);
        return (config, registry);
    }

    private static async Task<IReadOnlyList<AuthenticationEvent>> EventsAsync(string registry)
    {
        await using var store = RegistryStoreFactory.Create(registry);
        return await store.QueryEventsAsync(new EventQuery { Limit = 1000 });
    }

    /// <summary>The new rows a replay reported on standard error ("events: N new, M already recorded").</summary>
    private static int NewEvents(CliRunner.Result result)
    {
        var match = EventsLine().Match(result.Error);
        Assert.True(match.Success, $"no events line in: {result.Error}");
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static string? CaptureOf(string jsonLine)
    {
        using var document = JsonDocument.Parse(jsonLine);
        return document.RootElement.GetProperty("capture").GetString();
    }

    [GeneratedRegex(@"events: (\d+) new")]
    private static partial Regex EventsLine();
}
