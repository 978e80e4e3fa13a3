using System.Globalization;
using System.Text.Json;
using RfFingerprint.Cli.Tests.TestSupport;
using RfFingerprint.Registry.Inputs;

namespace RfFingerprint.Cli.Tests;

public sealed class EventsCommandTests : IAsyncLifetime
{
    private TestRegistry _registry = null!;

    public async Task InitializeAsync() => _registry = await TestRegistry.CreateAsync();

    public async Task DisposeAsync() => await _registry.DisposeAsync();

    private Task<CliRunner.Result> RunAsync(params string[] args) => CliRunner.RunAsync(["events", .. args, "--registry", _registry.Path]);

    [Fact]
    public async Task All_events_newest_first_with_device_names()
    {
        var result = await RunAsync("--jsonl");

        Assert.Equal(0, result.ExitCode);
        var events = JsonLines.Parse(result.Output);
        Assert.Equal(["unknown-device", "cfo-out-of-range", "authenticated", "authenticated"], events.Select(e => e.Text("verdict")));
        Assert.Equal([null, "meter-b", "meter-a", "meter-a"], events.Select(e => e.Text("device")));
        Assert.Equal("26099999", events[0].Text("claimed_dev_addr"));
        Assert.Equal(JsonValueKind.Null, events[0].GetProperty("score").ValueKind);
        Assert.Contains("4 of 4", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Device_filter_keeps_only_that_devices_events()
    {
        var result = await RunAsync("--device", "meter-a", "--jsonl");

        Assert.Equal(0, result.ExitCode);
        var events = JsonLines.Parse(result.Output);
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal("meter-a", e.Text("device")));
    }

    [Fact]
    public async Task Verdict_filter_keeps_only_that_verdict()
    {
        var result = await RunAsync("--verdict", "unknown-device", "--jsonl");

        Assert.Equal(0, result.ExitCode);
        var e = Assert.Single(JsonLines.Parse(result.Output));
        Assert.Equal(4000, e.GetProperty("sample_index").GetInt64());
    }

    [Fact]
    public async Task Since_filter_keeps_bursts_at_or_after_the_time()
    {
        var since = TestRegistry.T0.AddHours(2).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

        var result = await RunAsync("--since", since, "--jsonl");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["unknown-device", "cfo-out-of-range"], JsonLines.Parse(result.Output).Select(e => e.Text("verdict")));
    }

    [Fact]
    public async Task Relative_since_counts_back_from_now()
    {
        await _registry.Store.InsertEventsAsync(
        [
            new AuthenticationEventData
            {
                CaptureId = _registry.CaptureId,
                SampleIndex = 9000,
                TimeUtc = DateTimeOffset.UtcNow.AddMinutes(-30),
                Verdict = "authenticated",
            },
        ]);

        var result = await RunAsync("--since", "-1h", "--jsonl");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(9000, Assert.Single(JsonLines.Parse(result.Output)).GetProperty("sample_index").GetInt64());
    }

    [Fact]
    public async Task Limit_keeps_the_newest_events()
    {
        var result = await RunAsync("--limit", "1", "--jsonl");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("unknown-device", Assert.Single(JsonLines.Parse(result.Output)).Text("verdict"));
        Assert.Contains("1 of 4", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Table_lists_events_with_their_verdicts()
    {
        var result = await RunAsync();

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("cfo-out-of-range", result.Output, StringComparison.Ordinal);
        Assert.Contains("meter-b", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_device_exits_2()
    {
        var result = await RunAsync("--device", "no-such-meter");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no-such-meter", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--since", "yesterday-ish")]
    [InlineData("--limit", "0")]
    public async Task Bad_filter_value_is_a_usage_error(string option, string value)
    {
        var result = await RunAsync(option, value);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(option == "--limit" ? "--limit" : value, result.Error, StringComparison.Ordinal);
    }
}
