using System.Text.Json;
using RfFingerprint.Cli.Tests.TestSupport;
using RfFingerprint.Registry;
using RfFingerprint.Registry.Inputs;

namespace RfFingerprint.Cli.Tests;

/// <summary>Enrol, identify and replay through rffp's entry point, the real receive chain, ONNX Runtime and a SQLite file.</summary>
public sealed class UseCaseTests(PopulationFixture population) : IClassFixture<PopulationFixture>
{
    [Fact]
    public async Task Enroll_stores_the_device_with_the_DevAddr_its_frames_carry()
    {
        var config = population.NewConfig();

        var result = await CliRunner.RunAsync("--config", config, "enroll", "--device", "dev01", population.Recordings[1]);

        Assert.Equal(0, result.ExitCode);
        await using var store = OpenRegistry(config);
        var device = await store.FindDeviceByNameAsync("dev01");
        Assert.NotNull(device);
        var devAddr = Assert.Single(device.Addresses).DevAddr;
        Assert.Equal(devAddr, await DevAddrOfAsync(population.Recordings[1]));
        Assert.Contains("dev01", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enroll_uses_only_the_bursts_annotated_as_the_device()
    {
        var config = population.NewConfig();

        var result = await CliRunner.RunAsync("--config", config, "enroll", "--device", "dev02", population.Recordings[0]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no usable burst of device 'dev02'", result.Error, StringComparison.Ordinal);
        await using var store = OpenRegistry(config);
        Assert.Empty(await store.ListDevicesAsync());
    }

    [Fact]
    public async Task Reenrolling_a_device_updates_its_single_enrolment()
    {
        var config = population.NewConfig();
        await CliRunner.RunAsync("--config", config, "enroll", "--device", "dev00", population.Recordings[0]);

        var again = await CliRunner.RunAsync("--config", config, "enroll", "--device", "dev00", population.Recordings[0]);

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("re-enrolled", again.Output, StringComparison.Ordinal);
        await using var store = OpenRegistry(config);
        var model = Assert.Single(await store.ListModelVersionsAsync());
        Assert.Single(await store.ListEnrolmentsAsync(model.Id));
    }

    [Fact]
    public async Task Identify_prints_one_json_object_per_burst_and_writes_no_event()
    {
        var config = await EnrolAllAsync();

        var result = await CliRunner.RunAsync("--config", config, "identify", "--jsonl", population.Recordings[2]);

        Assert.Equal(0, result.ExitCode);
        var lines = JsonLines.Parse(result.Output);
        Assert.Equal(4, lines.Count);
        foreach (var line in lines)
        {
            Assert.Equal(JsonValueKind.Number, line.GetProperty("sample_start").ValueKind);
            Assert.Equal(JsonValueKind.Number, line.GetProperty("cfo_hz").ValueKind);
            Assert.Equal(JsonValueKind.Number, line.GetProperty("snr_db").ValueKind);
            Assert.True(line.TryGetProperty("device", out _));
            Assert.True(line.TryGetProperty("score", out _));
            Assert.Contains(line.Text("verdict"), new[] { "authenticated", "unknown_device", "identity_mismatch", "cfo_out_of_range", "undecodable" });
            Assert.StartsWith("DevAddr ", line.Text("claimed"), StringComparison.Ordinal);
        }

        await using var store = OpenRegistry(config);
        Assert.Equal(0, await store.CountEventsAsync(new EventQuery()));
    }

    [Fact]
    public async Task Replay_records_one_event_per_burst_and_a_rerun_records_none_again()
    {
        var config = await EnrolAllAsync();

        var first = await CliRunner.RunAsync("--config", config, "replay", population.Recordings[1]);
        var second = await CliRunner.RunAsync("--config", config, "replay", population.Recordings[1]);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("events: 4 new, 0 already recorded", first.Error, StringComparison.Ordinal);
        Assert.Contains("events: 0 new, 4 already recorded", second.Error, StringComparison.Ordinal);
        await using var store = OpenRegistry(config);
        Assert.Equal(4, await store.CountEventsAsync(new EventQuery()));
    }

    [Fact]
    public async Task Identify_with_a_model_the_devices_were_not_enrolled_with_is_refused_and_changes_nothing()
    {
        var registry = Path.Combine(Path.GetTempPath(), $"rffp-mismatch-{Guid.NewGuid():N}.db");
        var enrolConfig = population.NewConfig(registryPath: registry);
        await CliRunner.RunAsync("--config", enrolConfig, "enroll", "--device", "dev00", population.Recordings[0]);
        var otherConfig = population.NewConfig(modelPath: population.OtherModelPath, registryPath: registry);

        var result = await CliRunner.RunAsync("--config", otherConfig, "replay", population.Recordings[0]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("re-enrol", result.Error, StringComparison.Ordinal);
        await using var store = OpenRegistry(enrolConfig);
        Assert.Equal(0, await store.CountEventsAsync(new EventQuery()));
    }

    [Fact]
    public async Task Missing_capture_is_named_and_the_registry_is_not_even_created()
    {
        var config = population.NewConfig();
        var missing = Path.Combine(Path.GetTempPath(), "no-such-capture.sigmf-meta");

        var result = await CliRunner.RunAsync("--config", config, "enroll", "--device", "ghost", missing);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no-such-capture", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(RegistryPathOf(config)));
    }

    [Fact]
    public async Task Corrupt_capture_is_reported_by_file_and_enrols_nothing()
    {
        var config = population.NewConfig();
        var corrupt = Path.Combine(Path.GetTempPath(), $"rffp-corrupt-{Guid.NewGuid():N}.sigmf-meta");
        await File.WriteAllTextAsync(corrupt, "{ \"global\": { \"core:datatype\": ");
        await File.WriteAllBytesAsync(Path.ChangeExtension(corrupt, ".sigmf-data"), new byte[16]);

        var result = await CliRunner.RunAsync("--config", config, "enroll", "--device", "dev00", corrupt);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(Path.GetFileNameWithoutExtension(corrupt), result.Error, StringComparison.Ordinal);
        await using var store = OpenRegistry(config);
        Assert.Empty(await store.ListDevicesAsync());
    }

    [Fact]
    public async Task Dataset_export_writes_one_labelled_feature_matrix_per_burst()
    {
        var output = Path.Combine(Path.GetTempPath(), $"rffp-dataset-{Guid.NewGuid():N}.npz");
        try
        {
            var result = await CliRunner.RunAsync("dataset", "export", "--captures", population.Recordings[0], population.Recordings[1], "--out", output);

            Assert.Equal(0, result.ExitCode);
            var dataset = Fingerprinting.Datasets.FeatureDataset.Load(output);
            Assert.Equal(8, dataset.Labels.Length);
            Assert.Equal(["dev00", "dev01"], dataset.DeviceNames);
        }
        finally
        {
            File.Delete(output);
        }
    }

    private async Task<string> EnrolAllAsync()
    {
        var config = population.NewConfig();
        for (var i = 0; i < 2; i++)
        {
            var result = await CliRunner.RunAsync("--config", config, "enroll", "--device", $"dev{i:00}", population.Recordings[i]);
            Assert.Equal(0, result.ExitCode);
        }

        return config;
    }

    private static IRegistryStore OpenRegistry(string config) => RegistryStoreFactory.Create(RegistryPathOf(config));

    private static string RegistryPathOf(string config)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(config));
        return json.RootElement.GetProperty("Registry").GetProperty("ConnectionString").GetString()!;
    }

    private static async Task<uint> DevAddrOfAsync(string recording)
    {
        using var meta = JsonDocument.Parse(await File.ReadAllTextAsync(recording));
        var text = meta.RootElement.GetProperty("annotations")[0].GetProperty("rffp:dev_addr").GetString()!;
        return uint.Parse(text, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
    }
}
