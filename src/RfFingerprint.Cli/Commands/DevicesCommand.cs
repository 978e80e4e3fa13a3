using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using RfFingerprint.Cli.Hosting;
using RfFingerprint.Cli.Output;
using RfFingerprint.Registry;
using RfFingerprint.Registry.Entities;
using RfFingerprint.Registry.Inputs;
using Spectre.Console;

namespace RfFingerprint.Cli.Commands;

/// <summary>
/// <c>rffp devices list|show|revoke|reactivate|delete</c>: the devices of the registry, their enrolments and
/// their latest verdicts. Tables by default, JSON lines with <c>--jsonl</c>.
/// </summary>
internal static class DevicesCommand
{
    public static Command Create(CliIo io)
    {
        var command = new Command("devices", "List, inspect, revoke or delete the devices of the registry.");
        command.Subcommands.Add(CreateList(io));
        command.Subcommands.Add(CreateShow(io));
        command.Subcommands.Add(CreateStatusChange(io, "revoke", "Refuse every burst of a device from now on (its enrolments and events are kept).", revoke: true));
        command.Subcommands.Add(CreateStatusChange(io, "reactivate", "Let a revoked device authenticate again.", revoke: false));
        command.Subcommands.Add(CreateDelete(io));
        return command;
    }

    /// <exception cref="CliUsageException">No device has this name.</exception>
    internal static async Task<Device> FindDeviceAsync(IRegistryStore store, string name, CancellationToken cancellationToken) =>
        await store.FindDeviceByNameAsync(name, cancellationToken)
        ?? throw new CliUsageException($"no device named '{name}' in the registry (see 'rffp devices list')");

    private static Command CreateList(CliIo io)
    {
        var jsonl = new Option<bool>("--jsonl") { Description = "One JSON object per device instead of a table." };
        var command = new Command("list", "List every device: status, identities, enrolments, CFO range, last verdict.") { jsonl };
        VerbAction.Attach(command, io, async (parseResult, settings, cancellationToken) =>
        {
            await using var store = await RegistryAccess.OpenAsync(settings, io, cancellationToken);
            var summaries = await SummarizeAsync(store, await store.ListDevicesAsync(includeRevoked: true, cancellationToken), cancellationToken);
            if (parseResult.GetValue(jsonl))
            {
                using var json = new JsonLinesWriter(io.Output);
                foreach (var summary in summaries)
                    json.WriteObject(w => WriteSummary(w, summary));
                return ExitCodes.Success;
            }

            if (summaries.Count == 0)
            {
                await io.Error.WriteLineAsync("no devices yet (enrol one with 'rffp enroll')");
                return ExitCodes.Success;
            }

            var table = new Table()
                .AddColumn("name")
                .AddColumn("status")
                .AddColumn("DevEUI")
                .AddColumn("DevAddrs")
                .AddColumn(new TableColumn("enrol").RightAligned())
                .AddColumn(new TableColumn("CFO range Hz").RightAligned())
                .AddColumn(new TableColumn("events").RightAligned())
                .AddColumn("last seen (UTC)")
                .AddColumn("last verdict");
            foreach (var s in summaries)
            {
                table.AddRow(
                    Markup.Escape(s.Device.Name),
                    StatusText(s.Device.Status),
                    s.Device.DevEui ?? "-",
                    DevAddrsText(s.Device),
                    s.Enrolments.Count.ToString(CultureInfo.InvariantCulture),
                    s.LatestCfoRange is { } range ? RangeText(range) : "-",
                    s.EventCount.ToString(CultureInfo.InvariantCulture),
                    s.LastEvent is { } last ? TimeText(last.TimeUtc) : "-",
                    Markup.Escape(s.LastEvent?.Verdict ?? "-"));
            }

            ResultTables.Write(io, table);
            await io.Error.WriteLineAsync($"{summaries.Count} device(s), {summaries.Count(s => s.Device.Status == DeviceStatus.Revoked)} revoked");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateShow(CliIo io)
    {
        var name = new Argument<string>("name") { Description = "Device name." };
        var jsonl = new Option<bool>("--jsonl") { Description = "One JSON object (device, enrolments, recent events) instead of tables." };
        var recent = new Option<int>("--recent")
        {
            Description = "Number of recent events to show.",
            DefaultValueFactory = _ => 10,
        };
        recent.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 10_000)
                result.AddError("--recent must be 0 to 10000");
        });
        var command = new Command("show", "Show one device: identities, enrolments per model version with CFO statistics, recent events.") { name, jsonl, recent };
        VerbAction.Attach(command, io, async (parseResult, settings, cancellationToken) =>
        {
            await using var store = await RegistryAccess.OpenAsync(settings, io, cancellationToken);
            var device = await FindDeviceAsync(store, parseResult.GetValue(name)!, cancellationToken);
            var summary = (await SummarizeAsync(store, [device], cancellationToken))[0];
            var recentCount = parseResult.GetValue(recent);
            var events = recentCount == 0
                ? []
                : await store.QueryEventsAsync(new EventQuery { DeviceId = device.Id, Limit = recentCount }, cancellationToken);

            if (parseResult.GetValue(jsonl))
            {
                using var json = new JsonLinesWriter(io.Output);
                json.WriteObject(w =>
                {
                    WriteSummary(w, summary);
                    w.WriteStartArray("enrolment_details");
                    foreach (var (model, enrolment) in summary.Enrolments)
                    {
                        w.WriteStartObject();
                        WriteEnrolment(w, model, enrolment);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteStartArray("recent_events");
                    foreach (var e in events)
                    {
                        w.WriteStartObject();
                        EventsCommand.WriteEvent(w, e, device.Name);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                });
                return ExitCodes.Success;
            }

            var grid = new Grid().AddColumn().AddColumn();
            grid.AddRow("name", Markup.Escape(device.Name));
            grid.AddRow("status", StatusText(device.Status));
            grid.AddRow("DevEUI", device.DevEui ?? "-");
            grid.AddRow("DevAddrs", DevAddrsText(device));
            grid.AddRow("hardware", Markup.Escape(device.HardwareNotes ?? "-"));
            grid.AddRow("registered (UTC)", TimeText(device.CreatedUtc));
            grid.AddRow("updated (UTC)", TimeText(device.UpdatedUtc));
            grid.AddRow("events", summary.EventCount.ToString(CultureInfo.InvariantCulture));
            ResultTables.Write(io, grid);

            if (summary.Enrolments.Count == 0)
            {
                await io.Output.WriteLineAsync("not enrolled under any model version");
            }
            else
            {
                var table = new Table()
                    .Title("enrolments")
                    .AddColumn("model")
                    .AddColumn("fingerprint")
                    .AddColumn(new TableColumn("CFO mean ± std Hz").RightAligned())
                    .AddColumn(new TableColumn("seen Hz").RightAligned())
                    .AddColumn(new TableColumn("accepted Hz").RightAligned())
                    .AddColumn(new TableColumn("bursts").RightAligned());
                foreach (var (model, e) in summary.Enrolments)
                {
                    table.AddRow(
                        Markup.Escape($"#{model.Id} {model.FileName}"),
                        e.ClassIndex is { } classIndex ? $"class {classIndex}" : $"{e.EmbeddingCount} x {e.EmbeddingDimension}",
                        $"{e.CfoMeanHz.ToString("0", CultureInfo.InvariantCulture)} ± {e.CfoStdHz.ToString("0", CultureInfo.InvariantCulture)}",
                        $"{e.CfoMinHz.ToString("0", CultureInfo.InvariantCulture)}..{e.CfoMaxHz.ToString("0", CultureInfo.InvariantCulture)}",
                        RangeText(e.CfoRange),
                        e.CfoCount.ToString(CultureInfo.InvariantCulture));
                }

                ResultTables.Write(io, table);
            }

            if (events.Count > 0)
                EventsCommand.WriteTable(io, events, new Dictionary<long, string> { [device.Id] = device.Name }, "recent events");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateStatusChange(CliIo io, string verb, string description, bool revoke)
    {
        var name = new Argument<string>("name") { Description = "Device name." };
        var command = new Command(verb, description) { name };
        VerbAction.Attach(command, io, async (parseResult, settings, cancellationToken) =>
        {
            await using var store = await RegistryAccess.OpenAsync(settings, io, cancellationToken);
            var device = await FindDeviceAsync(store, parseResult.GetValue(name)!, cancellationToken);
            var target = revoke ? DeviceStatus.Revoked : DeviceStatus.Active;
            if (device.Status == target)
            {
                await io.Output.WriteLineAsync($"{device.Name} is already {StatusText(target)}; nothing changed");
                return ExitCodes.Success;
            }

            var changed = revoke
                ? await store.RevokeDeviceAsync(device.Id, cancellationToken)
                : await store.ReactivateDeviceAsync(device.Id, cancellationToken);
            if (!changed)
                throw new CliUsageException($"device '{device.Name}' disappeared from the registry meanwhile");
            await io.Output.WriteLineAsync(revoke
                ? $"{device.Name} revoked: its bursts are refused from now on; its enrolments and events are kept"
                : $"{device.Name} reactivated: it authenticates again with its existing enrolments");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateDelete(CliIo io)
    {
        var name = new Argument<string>("name") { Description = "Device name." };
        var command = new Command("delete",
            "Delete a device with its DevAddrs and enrolments. Its authentication events are kept (no longer linked to a device).")
        {
            name,
        };
        VerbAction.Attach(command, io, async (parseResult, settings, cancellationToken) =>
        {
            await using var store = await RegistryAccess.OpenAsync(settings, io, cancellationToken);
            var device = await FindDeviceAsync(store, parseResult.GetValue(name)!, cancellationToken);
            var summary = (await SummarizeAsync(store, [device], cancellationToken))[0];
            if (!await store.DeleteDeviceAsync(device.Id, cancellationToken))
                throw new CliUsageException($"device '{device.Name}' disappeared from the registry meanwhile");
            await io.Output.WriteLineAsync(
                $"{device.Name} deleted with {device.Addresses.Count} DevAddr(s) and {summary.Enrolments.Count} enrolment(s); " +
                $"its {summary.EventCount} authentication event(s) are kept, no longer linked to a device");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>A device with what the registry knows about it elsewhere: enrolments (oldest model first) and events.</summary>
    private sealed record DeviceSummary(
        Device Device,
        IReadOnlyList<(ModelVersion Model, Enrolment Enrolment)> Enrolments,
        long EventCount,
        AuthenticationEvent? LastEvent)
    {
        /// <summary>The accepted CFO range under the newest model version the device is enrolled with.</summary>
        public CfoRange? LatestCfoRange => Enrolments.Count == 0 ? null : Enrolments[^1].Enrolment.CfoRange;
    }

    private static async Task<IReadOnlyList<DeviceSummary>> SummarizeAsync(IRegistryStore store, IReadOnlyList<Device> devices, CancellationToken cancellationToken)
    {
        var enrolments = new Dictionary<long, List<(ModelVersion, Enrolment)>>();
        foreach (var model in await store.ListModelVersionsAsync(cancellationToken))
        {
            foreach (var enrolment in await store.ListEnrolmentsAsync(model.Id, activeDevicesOnly: false, cancellationToken))
            {
                if (!enrolments.TryGetValue(enrolment.DeviceId, out var list))
                    enrolments[enrolment.DeviceId] = list = [];
                list.Add((model, enrolment));
            }
        }

        var summaries = new List<DeviceSummary>(devices.Count);
        foreach (var device in devices)
        {
            var query = new EventQuery { DeviceId = device.Id, Limit = 1 };
            var count = await store.CountEventsAsync(query, cancellationToken);
            var newest = count == 0 ? [] : await store.QueryEventsAsync(query, cancellationToken);
            var last = newest.Count == 0 ? null : newest[0];
            summaries.Add(new DeviceSummary(device, enrolments.GetValueOrDefault(device.Id) ?? [], count, last));
        }

        return summaries;
    }

    private static void WriteSummary(Utf8JsonWriter json, DeviceSummary summary)
    {
        var device = summary.Device;
        json.WriteString("name", device.Name);
        json.WriteString("status", StatusText(device.Status));
        if (device.DevEui is null)
            json.WriteNull("dev_eui");
        else
            json.WriteString("dev_eui", device.DevEui);
        json.WriteStartArray("dev_addrs");
        foreach (var address in device.Addresses)
            json.WriteStringValue(IdentifierText.DevAddr(address.DevAddr));
        json.WriteEndArray();
        if (device.HardwareNotes is null)
            json.WriteNull("hardware_notes");
        else
            json.WriteString("hardware_notes", device.HardwareNotes);
        json.WriteNumber("enrolments", summary.Enrolments.Count);
        if (summary.LatestCfoRange is { } range)
        {
            json.WriteStartObject("cfo_range_hz");
            json.WriteNumber("lower", range.LowerHz);
            json.WriteNumber("upper", range.UpperHz);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("cfo_range_hz");
        }

        json.WriteNumber("events", summary.EventCount);
        json.WriteTime("last_seen_utc", summary.LastEvent?.TimeUtc);
        if (summary.LastEvent is null)
            json.WriteNull("last_verdict");
        else
            json.WriteString("last_verdict", summary.LastEvent.Verdict);
        json.WriteTime("created_utc", device.CreatedUtc);
    }

    private static void WriteEnrolment(Utf8JsonWriter json, ModelVersion model, Enrolment enrolment)
    {
        json.WriteNumber("model_version_id", model.Id);
        json.WriteString("model_file", model.FileName);
        json.WriteString("model_kind", StatusLike(model.Kind.ToString()));
        json.WriteNumber("embedding_count", enrolment.EmbeddingCount);
        json.WriteNumber("embedding_dimension", enrolment.EmbeddingDimension);
        json.WriteNullable("class_index", enrolment.ClassIndex);
        json.WriteRounded("cfo_mean_hz", enrolment.CfoMeanHz, 1);
        json.WriteRounded("cfo_std_hz", enrolment.CfoStdHz, 1);
        json.WriteRounded("cfo_min_hz", enrolment.CfoMinHz, 1);
        json.WriteRounded("cfo_max_hz", enrolment.CfoMaxHz, 1);
        json.WriteNumber("cfo_count", enrolment.CfoCount);
        json.WriteRounded("cfo_range_lower_hz", enrolment.CfoRangeLowerHz, 1);
        json.WriteRounded("cfo_range_upper_hz", enrolment.CfoRangeUpperHz, 1);
        json.WriteTime("updated_utc", enrolment.UpdatedUtc);
    }

    private static string StatusText(DeviceStatus status) => StatusLike(status.ToString());

    private static string StatusLike(string enumName) => JsonNamingPolicy.SnakeCaseLower.ConvertName(enumName);

    private static string DevAddrsText(Device device) =>
        device.Addresses.Count == 0 ? "-" : string.Join(" ", device.Addresses.Select(a => IdentifierText.DevAddr(a.DevAddr)));

    private static string RangeText(CfoRange range) =>
        $"{range.LowerHz.ToString("0", CultureInfo.InvariantCulture)}..{range.UpperHz.ToString("0", CultureInfo.InvariantCulture)}";

    internal static string TimeText(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
