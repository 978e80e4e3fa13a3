using Spectre.Console;

namespace RfFingerprint.Cli.Hosting;

/// <summary>
/// Where the CLI writes: standard output for results (tables, JSON lines), standard error for
/// progress and diagnostics, so that `rffp ... --jsonl | jq` sees only data.
/// </summary>
internal sealed class CliIo
{
    public CliIo(TextWriter output, TextWriter error, bool interactive)
    {
        Output = output;
        Error = error;
        Interactive = interactive;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        Status = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(error),
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        if (!interactive)
        {
            // Without a terminal Spectre assumes 80 columns and wraps names mid-word; pipes and logs want whole lines.
            Console.Profile.Width = RedirectedWidth;
            Status.Profile.Width = RedirectedWidth;
        }
    }

    /// <summary>Line width assumed when output goes to a pipe or a file.</summary>
    public const int RedirectedWidth = 200;

    /// <summary>Results: tables and JSON lines.</summary>
    public TextWriter Output { get; }

    /// <summary>Diagnostics and error messages.</summary>
    public TextWriter Error { get; }

    /// <summary>True when a person watches a terminal: progress bars animate only then.</summary>
    public bool Interactive { get; }

    /// <summary>Rich output (tables) on <see cref="Output"/>.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>Rich output (progress) on <see cref="Error"/>.</summary>
    public IAnsiConsole Status { get; }

    public static CliIo FromProcess() =>
        new(System.Console.Out, System.Console.Error,
            interactive: !System.Console.IsErrorRedirected && Environment.GetEnvironmentVariable("CI") is null);
}
