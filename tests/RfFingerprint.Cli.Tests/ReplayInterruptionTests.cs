using RfFingerprint.Cli.Hosting;
using RfFingerprint.Cli.Tests.TestSupport;
using RfFingerprint.Registry;
using RfFingerprint.Registry.Inputs;

namespace RfFingerprint.Cli.Tests;

/// <summary>A replay that is interrupted, or that runs twice at once, leaves every burst recorded exactly once.</summary>
public sealed class ReplayInterruptionTests(PopulationFixture population) : IClassFixture<PopulationFixture>
{
    [Fact]
    public async Task A_replay_cancelled_after_its_first_decision_is_completed_by_a_rerun_without_duplicates()
    {
        var (config, registry) = await EnrolledRegistryAsync();
        using var cancellation = new CancellationTokenSource();
        // Cancel the moment the first decision reaches standard output: mid-stream, deterministically.
        using var output = new CancelOnFirstLine(cancellation);
        using var error = new StringWriter();

        var interrupted = await RffpCommandLine.InvokeAsync(["--config", config, "replay", population.Recordings[0]], new CliIo(output, error, interactive: false), cancellation.Token);
        var rerun = await CliRunner.RunAsync("--config", config, "replay", population.Recordings[0]);

        Assert.Equal(ExitCodes.Cancelled, interrupted);
        Assert.Equal(0, rerun.ExitCode);
        await using var store = RegistryStoreFactory.Create(registry);
        Assert.Equal(4, await store.CountEventsAsync(new EventQuery()));
    }

    [Fact]
    public async Task Two_replays_of_the_same_capture_at_once_record_each_burst_once()
    {
        var (config, registry) = await EnrolledRegistryAsync();

        var results = await Task.WhenAll(
            CliRunner.RunAsync("--config", config, "replay", population.Recordings[1]),
            CliRunner.RunAsync("--config", config, "replay", population.Recordings[1]));

        Assert.All(results, r => Assert.Equal(0, r.ExitCode));
        await using var store = RegistryStoreFactory.Create(registry);
        var events = await store.QueryEventsAsync(new EventQuery { Limit = 100 });
        Assert.Equal(4, events.Count);
        Assert.Equal(4, events.Select(e => e.SampleIndex).Distinct().Count());
    }

    private async Task<(string Config, string Registry)> EnrolledRegistryAsync()
    {
        var registry = Path.Combine(Path.GetTempPath(), $"rffp-interrupt-{Guid.NewGuid():N}.db");
        var config = population.NewConfig(registryPath: registry);
        var enrolled = await CliRunner.RunAsync("--config", config, "enroll", "--device", "dev00", population.Recordings[0]);
        Assert.Equal(0, enrolled.ExitCode);
        return (config, registry);
    }

    private sealed class CancelOnFirstLine(CancellationTokenSource cancellation) : StringWriter
    {
        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            cancellation.Cancel();
        }
    }
}
