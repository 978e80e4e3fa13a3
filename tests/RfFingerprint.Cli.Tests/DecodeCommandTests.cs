using System.Text.Json;
using RfFingerprint.Cli.Tests.TestSupport;
using RfFingerprint.Sdr.SigMF;
using RfFingerprint.Simulation;

namespace RfFingerprint.Cli.Tests;

public sealed class DecodeCommandTests(SimulatedRecordingFixture simulated) : IClassFixture<SimulatedRecordingFixture>, IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Jsonl_prints_one_object_per_simulated_burst_with_its_true_devaddr_and_cfo()
    {
        using var recording = SigMFRecording.Open(simulated.MetaPath);
        var truth = recording.Metadata.Annotations;

        var result = await CliRunner.RunAsync("decode", simulated.MetaPath, "--jsonl");

        Assert.Equal(0, result.ExitCode);
        var bursts = JsonLines.Parse(result.Output);
        Assert.Equal(truth.Count, bursts.Count);
        for (var i = 0; i < truth.Count; i++)
        {
            var fields = truth[i].Fields;
            var lorawan = bursts[i].GetProperty("lorawan");
            Assert.Equal(fields[GroundTruthKeys.ClaimedDevAddr]!.GetValue<string>(), lorawan.Text("dev_addr"));
            Assert.Equal(fields[GroundTruthKeys.FrameCounter]!.GetValue<int>(), lorawan.GetProperty("fcnt").GetInt32());
            Assert.Equal(fields[GroundTruthKeys.PhyPayload]!.GetValue<string>(), bursts[i].Text("payload_hex"), ignoreCase: true);
            Assert.True(bursts[i].GetProperty("crc_ok").GetBoolean());
            var trueCfoHz = fields[GroundTruthKeys.TrueCfoHz]!.GetValue<double>();
            Assert.InRange(bursts[i].GetProperty("cfo_hz").GetDouble(), trueCfoHz - 100, trueCfoHz + 100);
            Assert.InRange(bursts[i].GetProperty("sample_start").GetInt64(), truth[i].SampleStart - 8, truth[i].SampleStart + 8);
        }
    }

    [Fact]
    public async Task Example_lorawan_frame_decodes_to_its_devaddr_fcnt_and_fport()
    {
        var path = TestRecordings.WriteFrame(_temp.File("example"), Convert.FromHexString(TestRecordings.ExamplePayloadHex), cfoHz: 3000);

        var result = await CliRunner.RunAsync("decode", path, "--jsonl");

        Assert.Equal(0, result.ExitCode);
        var burst = Assert.Single(JsonLines.Parse(result.Output));
        Assert.Equal(TestRecordings.ExamplePayloadHex, burst.Text("payload_hex"));
        Assert.True(burst.GetProperty("header_ok").GetBoolean());
        Assert.True(burst.GetProperty("crc_ok").GetBoolean());
        Assert.Equal(7, burst.GetProperty("sf").GetInt32());
        Assert.InRange(burst.GetProperty("cfo_hz").GetDouble(), 2900, 3100);
        var lorawan = burst.GetProperty("lorawan");
        Assert.Equal("unconfirmed_data_up", lorawan.Text("mtype"));
        Assert.Equal("49BE7DF1", lorawan.Text("dev_addr"));
        Assert.Equal(2, lorawan.GetProperty("fcnt").GetInt32());
        Assert.Equal(1, lorawan.GetProperty("fport").GetInt32());
        Assert.Equal(JsonValueKind.Null, lorawan.GetProperty("mic_ok").ValueKind);
    }

    [Fact]
    public async Task Recording_may_be_named_by_its_data_file()
    {
        var path = TestRecordings.WriteFrame(_temp.File("by-data"), Convert.FromHexString(TestRecordings.ExamplePayloadHex), cfoHz: 0);

        var result = await CliRunner.RunAsync("decode", SigMFPaths.DataPath(path), "--jsonl");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("49BE7DF1", Assert.Single(JsonLines.Parse(result.Output)).GetProperty("lorawan").Text("dev_addr"));
    }

    [Fact]
    public async Task Burst_cut_off_by_the_end_of_the_file_still_gets_an_undecodable_line()
    {
        var path = TestRecordings.WriteFrame(_temp.File("cut"), Convert.FromHexString(TestRecordings.ExamplePayloadHex), cfoHz: 0, keepFraction: 0.7);

        var result = await CliRunner.RunAsync("decode", path, "--jsonl");

        Assert.Equal(0, result.ExitCode);
        var burst = Assert.Single(JsonLines.Parse(result.Output));
        Assert.NotEqual("decoded", burst.Text("status"));
        Assert.Equal(JsonValueKind.Null, burst.GetProperty("crc_ok").ValueKind);
        Assert.Equal(JsonValueKind.Null, burst.GetProperty("lorawan").ValueKind);
        Assert.Contains("1 undecodable", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Non_finite_samples_are_counted_and_the_burst_still_decodes()
    {
        var path = TestRecordings.WriteFrame(_temp.File("nan"), Convert.FromHexString(TestRecordings.ExamplePayloadHex), cfoHz: 0, nonFiniteSamples: 50);

        var result = await CliRunner.RunAsync("decode", path, "--jsonl");

        Assert.Equal(0, result.ExitCode);
        Assert.True(Assert.Single(JsonLines.Parse(result.Output)).GetProperty("crc_ok").GetBoolean());
        Assert.Contains("50 non-finite samples", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Table_prints_a_header_and_one_row_per_burst_and_the_counts_on_standard_error()
    {
        var result = await CliRunner.RunAsync("decode", simulated.MetaPath);

        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("sample_start", lines[0].Trim(), StringComparison.Ordinal);
        Assert.Equal(4, lines.Length);
        Assert.All(lines.Skip(1), line => Assert.Contains("decoded", line, StringComparison.Ordinal));
        Assert.Contains("3 bursts, 3 decoded, 3 CRC OK, 0 undecodable, 0 non-finite samples", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_sync_word_decodes_nothing_and_says_so()
    {
        var result = await CliRunner.RunAsync("decode", simulated.MetaPath, "--jsonl", "--sync-word", "0x12");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain(JsonLines.Parse(result.Output), burst => burst.Text("status") == "decoded");
        Assert.Contains("with another sync word ignored", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Receiver_settings_default_to_the_configuration_and_options_override_them()
    {
        var config = _temp.File("private-network.json");
        await File.WriteAllTextAsync(config, "{ \"Receiver\": { \"SpreadingFactors\": [ 7 ], \"BandwidthHz\": 125000, \"SyncWord\": 18 } }");

        var configured = await CliRunner.RunAsync("decode", simulated.MetaPath, "--jsonl", "--config", config);
        var overridden = await CliRunner.RunAsync("decode", simulated.MetaPath, "--jsonl", "--config", config, "--sync-word", "0x34");

        Assert.DoesNotContain(JsonLines.Parse(configured.Output), burst => burst.Text("status") == "decoded");
        Assert.Equal(3, JsonLines.Parse(overridden.Output).Count(burst => burst.Text("status") == "decoded"));
    }

    [Fact]
    public async Task Configuration_without_spreading_factors_searches_sf7()
    {
        var config = _temp.File("minimal.json");
        await File.WriteAllTextAsync(config, "{ \"Receiver\": { \"BandwidthHz\": 125000 } }");

        var result = await CliRunner.RunAsync("decode", simulated.MetaPath, "--jsonl", "--config", config);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(3, JsonLines.Parse(result.Output).Count(burst => burst.GetProperty("sf").GetInt32() == 7));
    }

    [Theory]
    [InlineData("0x34")]
    [InlineData("52")]
    public async Task Sync_word_is_accepted_in_hex_or_decimal(string syncWord)
    {
        var result = await CliRunner.RunAsync("decode", simulated.MetaPath, "--jsonl", "--sync-word", syncWord);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(3, JsonLines.Parse(result.Output).Count);
    }

    [Theory]
    [InlineData("--sync-word", "0x134")]
    [InlineData("--sf", "6")]
    [InlineData("--sf", "seven")]
    public async Task Bad_option_value_is_a_usage_error(string option, string value)
    {
        var result = await CliRunner.RunAsync("decode", simulated.MetaPath, option, value);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(value, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_recording_exits_2_naming_the_file()
    {
        var missing = _temp.File("nothing-here.sigmf-meta");

        var result = await CliRunner.RunAsync("decode", missing);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(missing, result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task Truncated_data_file_exits_2_naming_the_file()
    {
        var path = TestRecordings.WriteFrame(_temp.File("truncated"), Convert.FromHexString(TestRecordings.ExamplePayloadHex), cfoHz: 0);
        var data = SigMFPaths.DataPath(path);
        using (var stream = new FileStream(data, FileMode.Open))
            stream.SetLength(stream.Length - 3);

        var result = await CliRunner.RunAsync("decode", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("truncated.sigmf-", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Corrupt_metadata_exits_2_naming_the_file()
    {
        var path = TestRecordings.WriteFrame(_temp.File("corrupt"), Convert.FromHexString(TestRecordings.ExamplePayloadHex), cfoHz: 0);
        await File.WriteAllTextAsync(path, "{ \"global\": { \"core:datatype\": ");

        var result = await CliRunner.RunAsync("decode", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(path, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_datatype_exits_2()
    {
        var path = TestRecordings.WriteFrame(_temp.File("datatype"), Convert.FromHexString(TestRecordings.ExamplePayloadHex), cfoHz: 0);
        await File.WriteAllTextAsync(path, (await File.ReadAllTextAsync(path)).Replace("cf32_le", "cf24_le", StringComparison.Ordinal));

        var result = await CliRunner.RunAsync("decode", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cf24_le", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sample_rate_that_is_not_a_multiple_of_the_bandwidth_exits_2()
    {
        var path = TestRecordings.WriteFrame(_temp.File("rate"), Convert.FromHexString(TestRecordings.ExamplePayloadHex), cfoHz: 0, sampleRateHz: 1_100_000);

        var result = await CliRunner.RunAsync("decode", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not a whole multiple of the LoRa bandwidth", result.Error, StringComparison.Ordinal);
        Assert.Contains("rate.sigmf-meta", result.Error, StringComparison.Ordinal);
    }
}
