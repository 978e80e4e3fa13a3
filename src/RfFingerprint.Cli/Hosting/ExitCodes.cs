namespace RfFingerprint.Cli.Hosting;

/// <summary>Process exit codes, stable for scripts.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    /// <summary>Bad command line (System.CommandLine's own parse errors also exit with 1).</summary>
    public const int Usage = 1;
    /// <summary>Bad input the user can fix: missing or corrupt files, unknown device, mismatched model.</summary>
    public const int InputError = 2;
    /// <summary>Interrupted by Ctrl-C or SIGTERM.</summary>
    public const int Cancelled = 130;
    /// <summary>An unexpected failure (a bug): the stack trace goes to standard error.</summary>
    public const int InternalError = 70;
}
