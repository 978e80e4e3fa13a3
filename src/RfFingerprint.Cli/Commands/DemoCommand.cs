using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using RfFingerprint.Cli.Hosting;
using RfFingerprint.Cli.Output;
using RfFingerprint.Fingerprinting.Decisions;
using RfFingerprint.Pipeline.Captures;
using RfFingerprint.Pipeline.UseCases;
using RfFingerprint.Sdr.SigMF;
using Spectre.Console;

namespace RfFingerprint.Cli.Commands;

/// <summary>
/// <c>rffp demo</c>: the product in one command on the bundled recordings. Enrols every device of
/// <c>captures/enrol/</c>, replays <c>captures/traffic</c> (enrolled devices, a rogue transmitter, and a burst that
/// claims another device's DevAddr) and shows each verdict next to the simulator's ground truth.
/// </summary>
internal static class DemoCommand
{
    /// <summary>Ground-truth annotation fields written by the simulator.</summary>
    private const string SpoofedField = "rffp:spoofed";

    public static Command Create(CliIo io)
    {
        var captures = new Option<DirectoryInfo?>("--captures") { Description = "Folder with enrol/*.sigmf-meta and traffic.sigmf-meta (default: captures/ beside the configuration)." };
        var command = new Command("demo", "Enrol the bundled devices, replay the bundled traffic and show the verdicts (rogue and spoofed bursts flagged).") { captures };
        VerbAction.Attach(command, io, async (parseResult, settings, cancellationToken) =>
        {
            var folder = parseResult.GetValue(captures)?.FullName ?? settings.ResolvePath("captures");
            var enrolFolder = Path.Combine(folder, "enrol");
            var traffic = Path.Combine(folder, "traffic" + SigMFPaths.MetaExtension);
            if (!Directory.Exists(enrolFolder) || !File.Exists(traffic))
                throw new CliUsageException($"'{folder}' lacks enrol/*.sigmf-meta or traffic.sigmf-meta (see captures/README.md to regenerate them)");

            await using var host = await PipelineHost.OpenAsync(settings, io, cancellationToken);
            io.Console.MarkupLine($"[bold]1. Enrolment[/] of the devices in {Markup.Escape(enrolFolder)} with model {Markup.Escape(host.Model.ModelVersion)}");
            var enrolment = new EnrolmentService(host.Store, host.Pipeline, host.Decision);
            var recordings = CaptureFiles.Expand([enrolFolder]);
            var results = await ProgressDisplay.RunAsync(io, $"enrolling {recordings.Count} devices", async progress =>
            {
                var done = new List<EnrolmentResult>();
                foreach (var recording in recordings)
                    done.Add(await enrolment.EnrolAsync(new EnrolmentRequest(DeviceNameOf(recording), [recording]), progress, cancellationToken));
                return done;
            });
            PrintEnrolments(io, results);

            io.Console.MarkupLine($"[bold]2. Replay[/] of {Markup.Escape(traffic)}");
            var authentication = await AuthenticationService.CreateAsync(host.Store, host.Pipeline, host.Decision, cancellationToken);
            var truth = TruthOf(traffic);
            var enrolled = results.Select(r => r.DeviceName).ToHashSet(StringComparer.Ordinal);
            var decisions = await ProgressDisplay.RunAsync(io, "replaying traffic", async progress =>
            {
                var list = new List<BurstDecision>();
                await foreach (var decision in authentication.RunCaptureAsync(traffic, record: true, cancellationToken))
                {
                    list.Add(decision);
                    var burst = decision.Burst.Received.Burst;
                    progress.Report(new CaptureProgress(traffic, burst.SampleStart, long.MaxValue, list.Count));
                }

                progress.Report(new CaptureProgress(traffic, 1, 1, list.Count));
                return list;
            });
            PrintDecisions(io, decisions, truth, enrolled);
            PrintSummary(io, decisions, truth, enrolled, authentication);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The device a recording holds: the one its annotations name, else its file name.</summary>
    private static string DeviceNameOf(string recording)
    {
        using var opened = SigMFRecording.Open(recording);
        var named = new CaptureAnnotations(opened.Metadata.Annotations).Devices;
        return named.Count == 1 ? named.Single() : CaptureFileNames.Stem(recording);
    }

    private sealed record Truth(string Device, bool Spoofed);

    private static Func<long, Truth?> TruthOf(string path)
    {
        using var recording = SigMFRecording.Open(path);
        var spans = recording.Metadata.Annotations
            .Where(a => a.Fields.ContainsKey(CaptureAnnotations.DeviceField))
            .Select(a => (Start: a.SampleStart, End: a.SampleStart + (a.SampleCount ?? 1),
                Truth: new Truth(a.Fields[CaptureAnnotations.DeviceField]!.GetValue<string>(),
                    a.Fields.TryGetValue(SpoofedField, out var spoofed) && spoofed is JsonValue v && v.GetValue<bool>())))
            .ToArray();
        var tolerance = (long)(recording.SampleRateHz ?? 1e6) / 100;
        return sample => spans.FirstOrDefault(s => sample >= s.Start - tolerance && sample < s.End).Truth;
    }

    private static void PrintEnrolments(CliIo io, IReadOnlyList<EnrolmentResult> results)
    {
        var table = new Table().AddColumn("device").AddColumn(new TableColumn("bursts").RightAligned())
            .AddColumn(new TableColumn("CFO mean (Hz)").RightAligned()).AddColumn(new TableColumn("CFO std (Hz)").RightAligned())
            .AddColumn("CFO range (Hz)").AddColumn("DevAddr");
        foreach (var r in results)
        {
            table.AddRow(Markup.Escape(r.DeviceName), Invariant($"{r.BurstsUsed}"), Invariant($"{r.Cfo.MeanHz:0}"), Invariant($"{r.Cfo.StdHz:0.0}"),
                Invariant($"{r.CfoRange.LowerHz:0} .. {r.CfoRange.UpperHz:0}"), string.Join(" ", r.DevAddrs.Select(IdentifierText.DevAddr)));
        }

        io.Console.Write(table);
    }

    private static void PrintDecisions(CliIo io, IReadOnlyList<BurstDecision> decisions, Func<long, Truth?> truth, IReadOnlySet<string> enrolled)
    {
        var table = new Table().AddColumn(new TableColumn("sample").RightAligned()).AddColumn(new TableColumn("CFO (Hz)").RightAligned())
            .AddColumn(new TableColumn("SNR (dB)").RightAligned()).AddColumn("claimed").AddColumn("fingerprint").AddColumn(new TableColumn("score").RightAligned())
            .AddColumn("verdict").AddColumn("ground truth");
        foreach (var d in decisions)
        {
            var burst = d.Burst.Received.Burst;
            var t = truth(burst.SampleStart);
            var truthText = t is null ? "?" : t.Device + (enrolled.Contains(t.Device) ? "" : " (rogue)") + (t.Spoofed ? " (spoofed DevAddr)" : "");
            table.AddRow(Invariant($"{burst.SampleStart}"), Invariant($"{burst.CfoHz:0}"), Invariant($"{burst.SnrDb:0.0}"),
                Markup.Escape(d.Decision.Claim?.Text ?? "-"), Markup.Escape(d.Decision.DeviceId ?? "-"),
                double.IsFinite(d.Decision.Score) ? Invariant($"{d.Decision.Score:0.000}") : "-",
                $"[{Colour(d.Decision.Verdict)}]{d.VerdictText}[/]", Markup.Escape(truthText));
        }

        io.Console.Write(table);
    }

    private static void PrintSummary(CliIo io, IReadOnlyList<BurstDecision> decisions, Func<long, Truth?> truth, IReadOnlySet<string> enrolled, AuthenticationService service)
    {
        int genuine = 0, genuineOk = 0, rogue = 0, rogueFlagged = 0, spoofed = 0, spoofedFlagged = 0;
        foreach (var d in decisions)
        {
            if (truth(d.Burst.Received.Burst.SampleStart) is not { } t)
                continue;
            if (t.Spoofed)
            {
                spoofed++;
                spoofedFlagged += d.Decision.Verdict == Verdict.IdentityMismatch ? 1 : 0;
            }
            else if (!enrolled.Contains(t.Device))
            {
                rogue++;
                rogueFlagged += d.Decision.Verdict == Verdict.UnknownDevice ? 1 : 0;
            }
            else
            {
                genuine++;
                genuineOk += d.Decision.Verdict == Verdict.Authenticated && d.Decision.DeviceId == t.Device ? 1 : 0;
            }
        }

        var table = new Table().Title("[bold]Summary[/]").AddColumn("bursts").AddColumn(new TableColumn("expected verdict").Centered()).AddColumn(new TableColumn("got it").RightAligned());
        table.AddRow("enrolled devices, own identity", "authenticated (right device)", Invariant($"{genuineOk}/{genuine}"));
        table.AddRow("rogue (never enrolled) device", "unknown_device", Invariant($"{rogueFlagged}/{rogue}"));
        table.AddRow("spoofed DevAddr", "identity_mismatch", Invariant($"{spoofedFlagged}/{spoofed}"));
        io.Console.Write(table);
        io.Console.MarkupLine(Invariant($"events recorded: {service.EventsWritten} new (a rerun records none again)"));
    }

    private static string Colour(Verdict verdict) => verdict switch
    {
        Verdict.Authenticated => "green",
        Verdict.UnknownDevice => "yellow",
        Verdict.IdentityMismatch => "red",
        Verdict.CfoOutOfRange => "fuchsia",
        _ => "grey",
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
