using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using RfFingerprint.Cli.Hosting;
using RfFingerprint.Cli.Output;
using RfFingerprint.Registry.Entities;
using RfFingerprint.Registry.Inputs;
using Spectre.Console;

namespace RfFingerprint.Cli.Commands;

/// <summary>
/// <c>rffp events</c>: the authentication events of the registry (one per burst), newest first, filtered by
/// device, verdict and time. A table by default, JSON lines with <c>--jsonl</c>.
/// </summary>
internal static class EventsCommand
{
    /// <summary>Most rows one query may return (the registry's own limit).</summary>
    private const int MaxLimit = 10_000;

    public static Command Create(CliIo io)
    {
        var device = new Option<string?>("--device") { Description = "Only events matched to this device (by name).", HelpName = "name" };
        var verdict = new Option<string?>("--verdict") { Description = "Only events with exactly this verdict (e.g. authenticated, unknown-device).", HelpName = "verdict" };
        var since = new Option<DateTimeOffset?>("--since")
        {
            Description = "Only bursts at or after this time: ISO 8601 (2026-01-01T12:00:00Z) or a time ago (-1h, 30m, 2d).",
            HelpName = "time",
            CustomParser = CliValueParsers.For<DateTimeOffset?>(text => CliValueParsers.Since(text, DateTimeOffset.UtcNow)),
        };
        var limit = new Option<int>("--limit")
        {
            Description = $"Most events to print (1 to {MaxLimit}).",
            DefaultValueFactory = _ => 50,
        };
        limit.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > MaxLimit)
                result.AddError($"--limit must be 1 to {MaxLimit}");
        });
        var jsonl = new Option<bool>("--jsonl") { Description = "One JSON object per event instead of a table." };

        var command = new Command("events", "Show authentication events (one per burst), newest first.") { device, verdict, since, limit, jsonl };
        VerbAction.Attach(command, io, async (parseResult, settings, cancellationToken) =>
        {
            await using var store = await RegistryAccess.OpenAsync(settings, io, cancellationToken);
            long? deviceId = parseResult.GetValue(device) is { } name
                ? (await DevicesCommand.FindDeviceAsync(store, name, cancellationToken)).Id
                : null;
            var query = new EventQuery
            {
                DeviceId = deviceId,
                Verdict = parseResult.GetValue(verdict),
                SinceUtc = parseResult.GetValue(since),
                Limit = parseResult.GetValue(limit),
            };
            var events = await store.QueryEventsAsync(query, cancellationToken);
            var total = await store.CountEventsAsync(query, cancellationToken);
            var names = (await store.ListDevicesAsync(includeRevoked: true, cancellationToken)).ToDictionary(d => d.Id, d => d.Name);

            if (parseResult.GetValue(jsonl))
            {
                using var json = new JsonLinesWriter(io.Output);
                foreach (var e in events)
                    json.WriteObject(w => WriteEvent(w, e, DeviceName(e, names)));
            }
            else if (events.Count > 0)
            {
                WriteTable(io, events, names, title: null);
            }

            await io.Error.WriteLineAsync($"{events.Count} of {total} matching event(s), newest first");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Writes one event's properties (shared with <c>rffp devices show --jsonl</c>).</summary>
    internal static void WriteEvent(Utf8JsonWriter json, AuthenticationEvent e, string? deviceName)
    {
        json.WriteNumber("id", e.Id);
        json.WriteTime("time_utc", e.TimeUtc);
        if (deviceName is null)
            json.WriteNull("device");
        else
            json.WriteString("device", deviceName);
        json.WriteNullable("device_id", e.DeviceId);
        json.WriteString("verdict", e.Verdict);
        json.WriteRounded("score", e.Score, 4);
        json.WriteRounded("cfo_hz", e.CfoHz, 1);
        json.WriteRounded("snr_db", e.SnrDb, 2);
        if (e.ClaimedDevAddr is { } devAddr)
            json.WriteString("claimed_dev_addr", IdentifierText.DevAddr(devAddr));
        else
            json.WriteNull("claimed_dev_addr");
        if (e.ClaimedDevEui is null)
            json.WriteNull("claimed_dev_eui");
        else
            json.WriteString("claimed_dev_eui", e.ClaimedDevEui);
        json.WriteNumber("capture_id", e.CaptureId);
        json.WriteNumber("sample_index", e.SampleIndex);
        json.WriteNullable("model_version_id", e.ModelVersionId);
    }

    /// <summary>Writes events as a table (shared with <c>rffp devices show</c>).</summary>
    internal static void WriteTable(CliIo io, IReadOnlyList<AuthenticationEvent> events, IReadOnlyDictionary<long, string> deviceNames, string? title)
    {
        var inv = CultureInfo.InvariantCulture;
        var table = new Table()
            .AddColumn(new TableColumn("id").RightAligned())
            .AddColumn("time (UTC)")
            .AddColumn("device")
            .AddColumn("verdict")
            .AddColumn(new TableColumn("score").RightAligned())
            .AddColumn(new TableColumn("CFO Hz").RightAligned())
            .AddColumn(new TableColumn("SNR dB").RightAligned())
            .AddColumn("claimed");
        if (title is not null)
            table.Title(Markup.Escape(title));
        foreach (var e in events)
        {
            table.AddRow(
                e.Id.ToString(inv),
                DevicesCommand.TimeText(e.TimeUtc),
                Markup.Escape(DeviceName(e, deviceNames) ?? "-"),
                Markup.Escape(e.Verdict),
                e.Score?.ToString("0.000", inv) ?? "-",
                e.CfoHz.ToString("0", inv),
                e.SnrDb.ToString("0.0", inv),
                e.ClaimedDevAddr is { } devAddr ? IdentifierText.DevAddr(devAddr) : e.ClaimedDevEui ?? "-");
        }

        ResultTables.Write(io, table);
    }

    private static string? DeviceName(AuthenticationEvent e, IReadOnlyDictionary<long, string> names) =>
        e.DeviceId is { } id ? names.GetValueOrDefault(id) : null;
}
