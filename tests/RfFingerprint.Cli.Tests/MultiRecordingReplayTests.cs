using System.Security.Cryptography;
using RfFingerprint.Cli.Tests.TestSupport;
using RfFingerprint.Registry;
using RfFingerprint.Registry.Inputs;
using RfFingerprint.Sdr.SigMF;

namespace RfFingerprint.Cli.Tests;

/// <summary>
/// Several recordings in one identify or replay: received in parallel (<c>Pipeline:ParallelCaptures</c>), decided and
/// printed recording after recording in the order given, all checked before anything is written.
/// </summary>
public sealed class MultiRecordingReplayTests(PopulationFixture population) : IClassFixture<PopulationFixture>
{
    [Fact]
    public async Task Recordings_received_in_parallel_print_the_same_decisions_in_the_same_order_as_one_at_a_time()
    {
        var registry = Path.Combine(Path.GetTempPath(), $"rffp-parallel-{Guid.NewGuid():N}.db");
        var oneAtATime = population.NewConfig(registryPath: registry, parallelCaptures: 1);
        var allAtOnce = population.NewConfig(registryPath: registry, parallelCaptures: 3);
        Assert.Equal(0, (await CliRunner.RunAsync("--config", oneAtATime, "enroll", "--device", "dev00", population.Recordings[0])).ExitCode);
        string[] recordings = [population.Recordings[2], population.Recordings[0], population.Recordings[1]];

        var sequential = await CliRunner.RunAsync(["--config", oneAtATime, "identify", "--jsonl", .. recordings]);
        var parallel = await CliRunner.RunAsync(["--config", allAtOnce, "identify", "--jsonl", .. recordings]);

        Assert.Equal(0, parallel.ExitCode);
        Assert.Equal(
            recordings.SelectMany(r => Enumerable.Repeat(r, 4)),
            JsonLines.Parse(parallel.Output).Select(line => line.Text("capture")));
        Assert.Equal(sequential.Output, parallel.Output);
    }

    [Fact]
    public async Task Replay_registers_each_recording_under_the_SHA_512_of_its_data_file()
    {
        using var temp = new TempDirectory();
        var registry = temp.File("registry.db");
        var config = population.NewConfig(registryPath: registry);
        Assert.Equal(0, (await CliRunner.RunAsync("--config", config, "enroll", "--device", "dev00", population.Recordings[0])).ExitCode);

        var result = await CliRunner.RunAsync("--config", config, "replay", population.Recordings[1], population.Recordings[2]);

        Assert.Equal(0, result.ExitCode);
        await using var store = RegistryStoreFactory.Create(registry);
        foreach (var recording in population.Recordings.Skip(1))
        {
            var sha512 = Convert.ToHexStringLower(SHA512.HashData(await File.ReadAllBytesAsync(SigMFPaths.DataPath(recording))));
            var capture = await store.FindCaptureAsync(sha512);
            Assert.NotNull(capture);
            Assert.Equal(4, await store.CountEventsAsync(new EventQuery { CaptureId = capture.Id }));
        }
    }

    [Fact]
    public async Task A_corrupt_recording_after_good_ones_stops_the_replay_before_any_event_is_written()
    {
        using var temp = new TempDirectory();
        var registry = temp.File("registry.db");
        var config = population.NewConfig(registryPath: registry);
        Assert.Equal(0, (await CliRunner.RunAsync("--config", config, "enroll", "--device", "dev00", population.Recordings[0])).ExitCode);
        var corrupt = temp.File("corrupt.sigmf-meta");
        await File.WriteAllTextAsync(corrupt, "{ \"global\": { \"core:datatype\": ");
        await File.WriteAllBytesAsync(temp.File("corrupt.sigmf-data"), new byte[16]);

        var result = await CliRunner.RunAsync("--config", config, "replay", population.Recordings[0], population.Recordings[1], corrupt);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("corrupt", result.Error, StringComparison.Ordinal);
        await using var store = RegistryStoreFactory.Create(registry);
        Assert.Equal(0, await store.CountEventsAsync(new EventQuery()));
    }

    [Fact]
    public async Task A_recording_at_a_rate_the_receiver_cannot_take_after_good_ones_stops_the_replay_before_any_event_is_written()
    {
        using var temp = new TempDirectory();
        var registry = temp.File("registry.db");
        var config = population.NewConfig(registryPath: registry);
        Assert.Equal(0, (await CliRunner.RunAsync("--config", config, "enroll", "--device", "dev00", population.Recordings[0])).ExitCode);
        var offRate = TestRecordings.WriteFrame(temp.File("off-rate"), Convert.FromHexString(TestRecordings.ExamplePayloadHex), cfoHz: 0, sampleRateHz: 300_000);

        var result = await CliRunner.RunAsync("--config", config, "replay", population.Recordings[0], population.Recordings[1], population.Recordings[2], offRate);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("not a whole multiple of the LoRa bandwidth", result.Error, StringComparison.Ordinal);
        await using var store = RegistryStoreFactory.Create(registry);
        Assert.Equal(0, await store.CountEventsAsync(new EventQuery()));
    }

    [Fact]
    public async Task Identify_of_a_recording_without_bursts_says_that_no_burst_was_detected()
    {
        var config = population.NewConfig();
        Assert.Equal(0, (await CliRunner.RunAsync("--config", config, "enroll", "--device", "dev00", population.Recordings[0])).ExitCode);
        using var temp = new TempDirectory();
        var noise = TestRecordings.WriteFrame(temp.File("noise"), Convert.FromHexString(TestRecordings.ExamplePayloadHex), cfoHz: 0, keepFraction: 0);

        var result = await CliRunner.RunAsync("--config", config, "identify", noise);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("0 bursts: no LoRa burst was detected in the recordings", result.Error, StringComparison.Ordinal);
    }
}
