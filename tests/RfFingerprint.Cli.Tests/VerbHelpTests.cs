namespace RfFingerprint.Cli.Tests;

public sealed class VerbHelpTests
{
    [Theory]
    [InlineData("decode")]
    [InlineData("simulate")]
    [InlineData("devices")]
    [InlineData("events")]
    public async Task Verb_is_listed_in_the_root_help(string verb)
    {
        var result = await CliRunner.RunAsync("--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches($@"(?m)^\s+{verb}\s", result.Output);
    }

    [Theory]
    [InlineData("decode", "--sync-word")]
    [InlineData("simulate", "--bursts-per-device")]
    [InlineData("simulate traffic", "--spoofer")]
    [InlineData("devices list", "--jsonl")]
    [InlineData("devices delete", "events are kept")]
    [InlineData("events", "--since")]
    public async Task Verb_help_describes_its_options(string verb, string expected)
    {
        var result = await CliRunner.RunAsync([.. verb.Split(' '), "--help"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(expected, result.Output, StringComparison.Ordinal);
    }
}
