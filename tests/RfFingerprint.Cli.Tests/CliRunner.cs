using RfFingerprint.Cli;
using RfFingerprint.Cli.Hosting;

namespace RfFingerprint.Cli.Tests;

/// <summary>Runs <c>rffp</c> in-process through its real entry point and captures what it prints.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static async Task<Result> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await RffpCommandLine.InvokeAsync(args, new CliIo(output, error, interactive: false));
        return new Result(exitCode, output.ToString(), error.ToString());
    }
}
