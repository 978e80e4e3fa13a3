using System.Text.Json;
using RfFingerprint.Cli.Tests.TestSupport;
using RfFingerprint.Registry.Entities;
using RfFingerprint.Registry.Inputs;

namespace RfFingerprint.Cli.Tests;

public sealed class DevicesCommandTests : IAsyncLifetime
{
    private TestRegistry _registry = null!;

    public async Task InitializeAsync() => _registry = await TestRegistry.CreateAsync();

    public async Task DisposeAsync() => await _registry.DisposeAsync();

    private Task<CliRunner.Result> RunAsync(params string[] args) => CliRunner.RunAsync([.. args, "--registry", _registry.Path]);

    [Fact]
    public async Task List_jsonl_gives_each_device_with_identities_enrolment_and_last_verdict()
    {
        var result = await RunAsync("devices", "list", "--jsonl");

        Assert.Equal(0, result.ExitCode);
        var devices = JsonLines.Parse(result.Output);
        Assert.Equal(["meter-a", "meter-b"], devices.Select(d => d.Text("name")));
        var a = devices[0];
        Assert.Equal("active", a.Text("status"));
        Assert.Equal("70B3D57ED0000001", a.Text("dev_eui"));
        Assert.Equal("26011111", Assert.Single(a.GetProperty("dev_addrs").EnumerateArray()).GetString());
        Assert.Equal(1, a.GetProperty("enrolments").GetInt32());
        Assert.Equal(-1880, a.GetProperty("cfo_range_hz").GetProperty("lower").GetDouble());
        Assert.Equal(-1120, a.GetProperty("cfo_range_hz").GetProperty("upper").GetDouble());
        Assert.Equal(2, a.GetProperty("events").GetInt32());
        Assert.Equal("authenticated", a.Text("last_verdict"));
        Assert.Equal(TestRegistry.T0.AddHours(1), a.GetProperty("last_seen_utc").GetDateTimeOffset());
        var b = devices[1];
        Assert.Equal(JsonValueKind.Null, b.GetProperty("cfo_range_hz").ValueKind);
        Assert.Equal("cfo-out-of-range", b.Text("last_verdict"));
    }

    [Fact]
    public async Task List_table_shows_every_device_and_reports_the_migration_on_standard_error()
    {
        var result = await RunAsync("devices", "list");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("meter-a", result.Output, StringComparison.Ordinal);
        Assert.Contains("meter-b", result.Output, StringComparison.Ordinal);
        Assert.Contains("26022222", result.Output, StringComparison.Ordinal);
        Assert.Contains("registry sqlite", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("registry sqlite", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_creates_a_missing_registry_and_says_it_has_no_devices()
    {
        using var empty = new TempDirectory();
        var path = empty.File("new.db");

        var result = await CliRunner.RunAsync("devices", "list", "--registry", path);

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Output);
        Assert.Contains("no devices", result.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(path));
    }

    [Fact]
    public async Task Show_jsonl_gives_enrolment_cfo_statistics_and_recent_events()
    {
        var result = await RunAsync("devices", "show", "meter-a", "--jsonl");

        Assert.Equal(0, result.ExitCode);
        var device = Assert.Single(JsonLines.Parse(result.Output));
        var enrolment = Assert.Single(device.GetProperty("enrolment_details").EnumerateArray());
        Assert.Equal("extractor.onnx", enrolment.Text("model_file"));
        Assert.Equal(-1500, enrolment.GetProperty("cfo_mean_hz").GetDouble());
        Assert.Equal(2, enrolment.GetProperty("embedding_count").GetInt32());
        var events = device.GetProperty("recent_events").EnumerateArray().ToList();
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal("meter-a", e.Text("device")));
    }

    [Fact]
    public async Task Show_table_names_the_device_and_its_enrolment()
    {
        var result = await RunAsync("devices", "show", "meter-a");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("70B3D57ED0000001", result.Output, StringComparison.Ordinal);
        Assert.Contains("extractor.onnx", result.Output, StringComparison.Ordinal);
        Assert.Contains("-1880..-1120", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("show")]
    [InlineData("revoke")]
    [InlineData("delete")]
    public async Task Unknown_device_exits_2_and_changes_nothing(string verb)
    {
        var result = await RunAsync("devices", verb, "no-such-meter");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no-such-meter", result.Error, StringComparison.Ordinal);
        var devices = await _registry.Store.ListDevicesAsync();
        Assert.Equal(2, devices.Count);
        Assert.All(devices, d => Assert.Equal(DeviceStatus.Active, d.Status));
    }

    [Fact]
    public async Task Revoke_marks_the_device_revoked_and_keeps_its_enrolment()
    {
        var result = await RunAsync("devices", "revoke", "meter-a");

        Assert.Equal(0, result.ExitCode);
        var device = await _registry.Store.FindDeviceByNameAsync("meter-a");
        Assert.Equal(DeviceStatus.Revoked, device!.Status);
        Assert.Single((await RunAsync("devices", "list", "--jsonl")).Output.Split('\n'), line => line.Contains("\"revoked\"", StringComparison.Ordinal));
        Assert.Contains("kept", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reactivate_undoes_revoke()
    {
        await RunAsync("devices", "revoke", "meter-b");

        var result = await RunAsync("devices", "reactivate", "meter-b");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(DeviceStatus.Active, (await _registry.Store.FindDeviceByNameAsync("meter-b"))!.Status);
    }

    [Fact]
    public async Task Delete_removes_the_device_but_keeps_its_events_and_says_so()
    {
        var result = await RunAsync("devices", "delete", "meter-a");

        Assert.Equal(0, result.ExitCode);
        Assert.Null(await _registry.Store.FindDeviceByNameAsync("meter-a"));
        Assert.Null(await _registry.Store.FindDeviceByDevAddrAsync(0x26011111));
        Assert.Equal(4, await _registry.Store.CountEventsAsync(new EventQuery()));
        Assert.Contains("2 authentication event(s) are kept", result.Output, StringComparison.Ordinal);
    }
}
