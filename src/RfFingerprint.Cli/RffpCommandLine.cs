using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;
using RfFingerprint.Cli.Commands;
using RfFingerprint.Cli.Hosting;

namespace RfFingerprint.Cli;

/// <summary>The <c>rffp</c> command tree: global options and one factory per verb.</summary>
internal static class RffpCommandLine
{
    public static RootCommand Build(CliIo io)
    {
        var root = new RootCommand(
            "rffp: RF fingerprinting of LoRa transmitters. Records or replays IQ captures, measures each burst's " +
            "carrier frequency offset and spectrogram fingerprint, and tells which enrolled radio really sent it.");
        root.Options.Add(GlobalOptions.Config);
        root.Options.Add(GlobalOptions.Registry);
        foreach (var verb in Verbs(io))
            root.Subcommands.Add(verb);
        // The built-in action reports the entry assembly, which is the test host when tests run rffp in-process.
        root.Options.OfType<VersionOption>().Single().Action = new PrintVersionAction(io);
        return root;
    }

    private static IEnumerable<Command> Verbs(CliIo io)
    {
        yield return ConfigCommand.Create(io);
        yield return DemoCommand.Create(io);
        yield return EnrollCommand.Create(io);
        yield return AuthenticateCommands.CreateIdentify(io);
        yield return AuthenticateCommands.CreateReplay(io);
        yield return DatasetCommand.Create(io);
        yield return TrainCommand.Create(io);
        yield return BenchCommand.Create(io);
        yield return DecodeCommand.Create(io);
        yield return SimulateCommand.Create(io);
        yield return DevicesCommand.Create(io);
        yield return EventsCommand.Create(io);
        yield return EvalCommand.Create(io);
        yield return ServeCommand.Create(io);
        yield return ApiKeyCommand.Create(io);
    }

    public static async Task<int> InvokeAsync(string[] args, CliIo io, CancellationToken cancellationToken = default)
    {
        var root = Build(io);
        var parseResult = root.Parse(args);
        var invocation = new InvocationConfiguration { Output = io.Output, Error = io.Error };
        return await parseResult.InvokeAsync(invocation, cancellationToken);
    }

    private sealed class PrintVersionAction(CliIo io) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            io.Output.WriteLine(Version);
            return ExitCodes.Success;
        }
    }

    /// <summary>The informational version of rffp (semantic version + commit).</summary>
    public static string Version { get; } =
        typeof(RffpCommandLine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
