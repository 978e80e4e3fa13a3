using System.CommandLine;
using System.Globalization;
using RfFingerprint.Cli.Hosting;
using RfFingerprint.Cli.Output;
using RfFingerprint.Pipeline.Captures;
using RfFingerprint.Pipeline.UseCases;
using Spectre.Console;

namespace RfFingerprint.Cli.Commands;

/// <summary><c>rffp enroll</c>: enrols (or re-enrols) a device from recordings of it.</summary>
internal static class EnrollCommand
{
    public static Command Create(CliIo io)
    {
        var device = new Option<string>("--device") { Description = "Name of the device in the registry (created if new).", Required = true };
        var devEui = new Option<string?>("--dev-eui")
        {
            Description = "DevEUI the device may claim (16 hex digits, most significant first).",
            CustomParser = CliValueParsers.For(ParseDevEui),
        };
        var devAddrs = new Option<uint[]>("--dev-addr")
        {
            Description = "DevAddr the device may claim (8 hex digits, e.g. 49BE7DF1); repeatable. Those its frames carry are learnt too.",
            CustomParser = CliValueParsers.For(text => text.Split(',').Select(ParseDevAddr).ToArray()),
            AllowMultipleArgumentsPerToken = false,
        };
        var captures = new Argument<string[]>("CAPTURE")
        {
            Description = "Recordings of the device (.sigmf-meta, .sigmf-data, .sigmf) or folders of them. When a recording's annotations name devices, only this device's bursts are used.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("enroll", "Enrol a device from recordings of it: its fingerprints, CFO range and the identities it claims.")
        {
            device, devEui, devAddrs, captures,
        };
        VerbAction.Attach(command, io, async (parseResult, settings, cancellationToken) =>
        {
            var paths = CaptureFiles.Expand(parseResult.GetValue(captures)!);
            await using var host = await PipelineHost.OpenAsync(settings, io, cancellationToken);
            var service = new EnrolmentService(host.Store, host.Pipeline, host.Decision);
            var request = new EnrolmentRequest(parseResult.GetValue(device)!, paths, parseResult.GetValue(devEui), parseResult.GetValue(devAddrs));
            var result = await ProgressDisplay.RunAsync(io, $"enrolling {request.DeviceName}", progress => service.EnrolAsync(request, progress, cancellationToken));
            Print(io, result);
            return ExitCodes.Success;
        });
        return command;
    }

    public static void Print(CliIo io, EnrolmentResult result)
    {
        var table = new Table().AddColumn("device").AddColumn("bursts").AddColumn("skipped")
            .AddColumn("CFO mean ± std (Hz)").AddColumn("CFO min..max (Hz)").AddColumn("CFO range (Hz)").AddColumn("DevAddrs").AddColumn("DevEUI").AddColumn("model");
        table.AddRow(
            Markup.Escape(result.DeviceName) + (result.Reenrolled ? " [grey](re-enrolled)[/]" : ""),
            result.BurstsUsed.ToString(CultureInfo.InvariantCulture),
            result.BurstsSkipped.ToString(CultureInfo.InvariantCulture),
            string.Create(CultureInfo.InvariantCulture, $"{result.Cfo.MeanHz:0.0} ± {result.Cfo.StdHz:0.0}"),
            string.Create(CultureInfo.InvariantCulture, $"{result.Cfo.MinHz:0.0}..{result.Cfo.MaxHz:0.0}"),
            string.Create(CultureInfo.InvariantCulture, $"{result.CfoRange.LowerHz:0.0}..{result.CfoRange.UpperHz:0.0}"),
            string.Join(" ", result.DevAddrs.Select(IdentifierText.DevAddr)),
            result.DevEui ?? "-",
            Markup.Escape(result.ModelVersion));
        io.Console.Write(table);
    }

    private static uint ParseDevAddr(string text) =>
        text.Length == 8 && uint.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"'{text}' is not a DevAddr: expected 8 hex digits such as 49BE7DF1");

    private static string ParseDevEui(string text) =>
        text.Length == 16 && ulong.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out _)
            ? text.ToUpperInvariant()
            : throw new FormatException($"'{text}' is not a DevEUI: expected 16 hex digits such as 70B3D57ED0000001");
}
