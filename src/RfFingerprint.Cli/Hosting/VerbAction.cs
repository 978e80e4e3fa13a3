using System.CommandLine;

namespace RfFingerprint.Cli.Hosting;

/// <summary>
/// Runs a verb's body with the invocation's settings and turns the failures a user can cause into
/// one clear line and a stable exit code instead of a stack trace.
/// </summary>
internal static class VerbAction
{
    public delegate Task<int> Body(ParseResult parseResult, CliSettings settings, CancellationToken cancellationToken);

    public static void Attach(Command command, CliIo io, Body body) =>
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            try
            {
                var settings = CliSettings.Load(parseResult);
                return await body(parseResult, settings, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await io.Error.WriteLineAsync("rffp: interrupted; nothing half-written was kept");
                return ExitCodes.Cancelled;
            }
            catch (Exception ex) when (IsInputError(ex))
            {
                await io.Error.WriteLineAsync($"rffp {command.Name}: {ex.Message}");
                return ExitCodes.InputError;
            }
        });

    /// <summary>Errors about files and values the user supplied, as opposed to bugs.</summary>
    private static bool IsInputError(Exception ex) => ex switch
    {
        CliUsageException => true,
        FileNotFoundException or DirectoryNotFoundException => true,
        InvalidDataException => true,
        UnauthorizedAccessException => true,
        _ => ex.GetType().Name.EndsWith("FormatException", StringComparison.Ordinal)
             || ex.GetType().Name.EndsWith("InputException", StringComparison.Ordinal),
    };
}
