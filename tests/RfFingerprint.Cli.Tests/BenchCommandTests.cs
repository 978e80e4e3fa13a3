namespace RfFingerprint.Cli.Tests;

public sealed class BenchCommandTests
{
    [Fact]
    public async Task Receiver_bench_reports_a_throughput_row_per_occupancy()
    {
        var result = await CliRunner.RunAsync("bench", "receiver", "--occupancy", "0.1", "0.5", "--seconds", "0.3");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("10%", result.Output.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("50%", result.Output.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("bytes allocated / burst", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sensitivity_bench_decodes_clean_frames_and_compares_the_CFO_error_with_the_bound()
    {
        var result = await CliRunner.RunAsync("bench", "sensitivity", "--snr-db", "10", "--frames", "6");

        Assert.Equal(0, result.ExitCode);
        var row = result.Output.Split('\n').Single(line => line.Contains("10.0", StringComparison.Ordinal) && line.Contains('%', StringComparison.Ordinal));
        Assert.Contains("100.0%", row.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Noise_bench_reports_no_burst_on_pure_noise()
    {
        var result = await CliRunner.RunAsync("bench", "noise", "--seconds", "2");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("bursts / 10 min", result.Output, StringComparison.Ordinal);
        var cells = result.Output.Split('\n')
            .Select(line => line.Split(['│', '|', '\t', ' '], StringSplitOptions.RemoveEmptyEntries))
            .Single(tokens => tokens.Length == 4 && tokens.All(token => double.TryParse(token, System.Globalization.CultureInfo.InvariantCulture, out _)));
        Assert.Equal("2", cells[0]);
        Assert.Equal("0", cells[2]);
    }
}
