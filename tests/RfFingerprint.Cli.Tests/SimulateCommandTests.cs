using RfFingerprint.Cli.Tests.TestSupport;
using RfFingerprint.Sdr.SigMF;
using RfFingerprint.Simulation;

namespace RfFingerprint.Cli.Tests;

public sealed class SimulateCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private Task<CliRunner.Result> SimulateAsync(string folder, string seed, params string[] extra) =>
        CliRunner.RunAsync(["simulate", "--devices", "2", "--bursts-per-device", "2", "--seed", seed, "--out", _temp.File(folder), .. extra]);

    [Fact]
    public async Task Writes_one_recording_per_device_and_lists_them()
    {
        var result = await SimulateAsync("out", "3");

        Assert.Equal(0, result.ExitCode);
        foreach (var name in new[] { "dev00", "dev01" })
        {
            Assert.True(File.Exists(Path.Combine(_temp.File("out"), $"{name}.sigmf-meta")));
            Assert.True(File.Exists(Path.Combine(_temp.File("out"), $"{name}.sigmf-data")));
            Assert.Contains($"{name}.sigmf-meta", result.Output, StringComparison.Ordinal);
        }

        using var recording = SigMFRecording.Open(Path.Combine(_temp.File("out"), "dev01.sigmf-meta"));
        Assert.Equal(2, recording.Metadata.Annotations.Count);
        Assert.Contains("4/4 bursts", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Same_seed_gives_identical_files_and_another_seed_different_ones()
    {
        await SimulateAsync("a", "5");
        await SimulateAsync("b", "5");
        await SimulateAsync("c", "6");

        byte[] Data(string folder) => File.ReadAllBytes(Path.Combine(_temp.File(folder), "dev00.sigmf-data"));
        Assert.Equal(Data("a"), Data("b"));
        Assert.NotEqual(Data("a"), Data("c"));
    }

    [Fact]
    public async Task Ci16_datatype_writes_half_the_bytes_of_cf32()
    {
        await SimulateAsync("float", "5");
        await SimulateAsync("int", "5", "--datatype", "ci16_le");

        long Length(string folder) => new FileInfo(Path.Combine(_temp.File(folder), "dev00.sigmf-data")).Length;
        Assert.Equal(Length("float"), 2 * Length("int"));
        using var recording = SigMFRecording.Open(Path.Combine(_temp.File("int"), "dev00.sigmf-meta"));
        Assert.Equal(SigMFDatatype.Ci16Le, recording.Datatype);
    }

    [Fact]
    public async Task Traffic_writes_the_demo_scenario_ending_with_a_spoofed_burst()
    {
        var result = await CliRunner.RunAsync(
            "simulate", "traffic", "--enrolled", "0-1", "--rogue", "2", "--victim", "1", "--bursts-per-device", "1", "--seed", "4", "--out", _temp.Path);

        Assert.Equal(0, result.ExitCode);
        using var recording = SigMFRecording.Open(_temp.File("traffic.sigmf-meta"));
        var devices = recording.Metadata.Annotations.Select(a => a.Fields[GroundTruthKeys.DeviceName]!.GetValue<string>()).ToList();
        Assert.Equal(["dev00", "dev01", "dev02", "dev02"], devices);
        var last = recording.Metadata.Annotations[^1].Fields;
        Assert.True(last[GroundTruthKeys.Spoofed]!.GetValue<bool>());
        Assert.Equal(new DevicePopulation(4).Device(1).DevAddrHex, last[GroundTruthKeys.ClaimedDevAddr]!.GetValue<string>());
        Assert.Contains("dev02 claims dev01", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Traffic_refuses_a_rogue_device_that_is_also_enrolled()
    {
        var result = await CliRunner.RunAsync("simulate", "traffic", "--enrolled", "0-3", "--rogue", "2", "--out", _temp.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--rogue 2", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp.File("traffic.sigmf-meta")));
    }

    [Fact]
    public async Task Invalid_simulation_setting_exits_2_naming_it()
    {
        var result = await CliRunner.RunAsync("simulate", "--devices", "1", "--bursts-per-device", "0", "--out", _temp.File("bad"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--bursts-per-device: BurstsPerDevice must be positive", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unsupported_datatype_is_a_usage_error()
    {
        var result = await SimulateAsync("bad", "1", "--datatype", "cu8");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("cu8", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Output_folder_is_required()
    {
        var result = await CliRunner.RunAsync("simulate", "--devices", "1");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--out", result.Error, StringComparison.Ordinal);
    }
}
