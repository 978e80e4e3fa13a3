namespace RfFingerprint.Cli.Hosting;

/// <summary>
/// A problem the user can fix (a missing file, a bad value): printed as one line, exit code 2,
/// no stack trace.
/// </summary>
internal sealed class CliUsageException : Exception
{
    public CliUsageException(string message) : base(message) { }

    public CliUsageException(string message, Exception inner) : base(message, inner) { }

    public CliUsageException() { }
}
