using System.CommandLine;
using Microsoft.Extensions.Configuration;
using RfFingerprint.Cli.Hosting;
using Spectre.Console;

namespace RfFingerprint.Cli.Commands;

/// <summary><c>rffp config</c>: shows the effective configuration and where it came from.</summary>
internal static class ConfigCommand
{
    public static Command Create(CliIo io)
    {
        var command = new Command("config", "Show the effective configuration (file, environment RFFP_*, command-line overrides).");
        VerbAction.Attach(command, io, (_, settings, _) =>
        {
            io.Console.MarkupLine($"[bold]source[/]: {Markup.Escape(settings.SourcePath ?? "(built-in defaults)")}");
            var table = new Table().AddColumn("key").AddColumn("value");
            foreach (var (key, value) in settings.Configuration.AsEnumerable()
                         .Where(kv => kv.Value is not null)
                         .OrderBy(kv => kv.Key, StringComparer.Ordinal))
                table.AddRow(Markup.Escape(key), Markup.Escape(value!));
            io.Console.Write(table);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
