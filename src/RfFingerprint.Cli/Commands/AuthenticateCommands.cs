using System.CommandLine;
using System.Globalization;
using RfFingerprint.Cli.Hosting;
using RfFingerprint.Cli.Output;
using RfFingerprint.Fingerprinting.Decisions;
using RfFingerprint.Pipeline.Captures;
using RfFingerprint.Pipeline.UseCases;

namespace RfFingerprint.Cli.Commands;

/// <summary>
/// <c>rffp identify</c> (decisions only, the registry is not written) and <c>rffp replay</c> (decisions recorded as events,
/// once per capture and burst however often a capture is replayed).
/// </summary>
internal static class AuthenticateCommands
{
    public static Command CreateIdentify(CliIo io) => Create(io, "identify", record: false,
        "Decide which enrolled device sent each burst of recordings, without writing to the registry.");

    public static Command CreateReplay(CliIo io) => Create(io, "replay", record: true,
        "Replay recordings through the chain and record each burst's decision as an event (idempotent on rerun).");

    private static Command Create(CliIo io, string name, bool record, string description)
    {
        var jsonl = new Option<bool>("--jsonl") { Description = "One JSON object per burst instead of a table." };
        var captures = new Argument<string[]>("CAPTURE")
        {
            Description = "Recordings (.sigmf-meta, .sigmf-data, .sigmf) or folders of them.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command(name, description) { jsonl, captures };
        VerbAction.Attach(command, io, async (parseResult, settings, cancellationToken) =>
        {
            var paths = CaptureFiles.Expand(parseResult.GetValue(captures)!);
            await using var host = await PipelineHost.OpenAsync(settings, io, cancellationToken);
            var service = await AuthenticationService.CreateAsync(host.Store, host.Pipeline, host.Decision, cancellationToken);
            using var output = new DecisionOutput(io.Output, parseResult.GetValue(jsonl));
            var events = new EventTally();
            await foreach (var decision in service.RunCapturesAsync(paths, record, events, cancellationToken))
                output.Write(decision);

            PrintSummary(io, output.Tally, record ? events.Written : null);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Verdict counts on standard error, so that standard output stays one record per burst.</summary>
    public static void PrintSummary(CliIo io, IReadOnlyDictionary<Verdict, int> tally, long? eventsWritten)
    {
        var total = tally.Values.Sum();
        if (total == 0)
        {
            io.Error.WriteLine("0 bursts: no LoRa burst was detected in the recordings");
        }
        else
        {
            var parts = tally.Where(kv => kv.Value > 0).Select(kv => $"{VerdictNames.ToText(kv.Key)} {kv.Value}");
            io.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{total} bursts: {string.Join(", ", parts)}"));
        }

        if (eventsWritten is { } written)
            io.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"events: {written} new, {total - written} already recorded"));
    }
}
