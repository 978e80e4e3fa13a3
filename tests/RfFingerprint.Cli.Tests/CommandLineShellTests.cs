namespace RfFingerprint.Cli.Tests;

public sealed class CommandLineShellTests
{
    [Fact]
    public async Task Help_lists_every_registered_verb()
    {
        var result = await CliRunner.RunAsync("--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var verb in new[] { "config", "demo", "simulate", "decode", "enroll", "identify", "replay", "devices", "events", "dataset", "train", "eval", "bench", "serve", "apikey" })
            Assert.Contains(verb, result.Output, StringComparison.Ordinal);
        Assert.Contains("--registry", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_verb_is_a_usage_error_with_non_zero_exit()
    {
        var result = await CliRunner.RunAsync("frobnicate");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("frobnicate", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_option_is_a_usage_error_with_non_zero_exit()
    {
        var result = await CliRunner.RunAsync("config", "--no-such-option");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--no-such-option", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_prints_the_assembly_version()
    {
        var result = await CliRunner.RunAsync("--version");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("0.1.0", result.Output.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_config_file_is_reported_by_path_with_input_error_exit()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"rffp-missing-{Guid.NewGuid():N}.json");

        var result = await CliRunner.RunAsync("config", "--config", missing);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(missing, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_config_file_is_reported_not_thrown()
    {
        var path = Path.Combine(Path.GetTempPath(), $"rffp-bad-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, "{ \"Registry\": ");
        try
        {
            var result = await CliRunner.RunAsync("config", "--config", path);

            Assert.Equal(2, result.ExitCode);
            Assert.Contains("not valid JSON", result.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Registry_option_overrides_the_configuration_file()
    {
        var result = await CliRunner.RunAsync("config", "--registry", "/tmp/elsewhere.db");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("/tmp/elsewhere.db", result.Output, StringComparison.Ordinal);
    }
}
