using System.Diagnostics;
using System.Text;
using System.Threading.Channels;

namespace RfFingerprint.Cli.Tests.TestSupport;

/// <summary>
/// <c>rffp</c> started as its own operating-system process (<c>dotnet rffp.dll ...</c>, the build copied beside the
/// tests), as a user or a script starts it: what it prints is read line by line while it runs, so a test can wait for a
/// line and kill it there.
/// </summary>
internal sealed class RffpProcess : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private readonly TaskCompletionSource _outputClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _errorClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private RffpProcess(Process process)
    {
        _process = process;
    }

    /// <summary>Starts <c>rffp</c> with <paramref name="args"/>.</summary>
    public static RffpProcess Start(params string[] args) => StartIn(null, args);

    /// <summary>Starts <c>rffp</c> with <paramref name="args"/> in <paramref name="workingDirectory"/> (null: this process's).</summary>
    public static RffpProcess StartIn(string? workingDirectory, params string[] args)
    {
        var host = Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? string.Empty,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "rffp.dll"));
        foreach (var argument in args)
            start.ArgumentList.Add(argument);

        var process = new Process { StartInfo = start };
        var rffp = new RffpProcess(process);
        process.OutputDataReceived += (_, e) => rffp.OnOutput(e.Data);
        process.ErrorDataReceived += (_, e) => rffp.OnError(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return rffp;
    }

    /// <summary>Waits until standard output carries a line that satisfies <paramref name="predicate"/>, and returns it.</summary>
    /// <exception cref="InvalidOperationException">The process closed its output without printing such a line.</exception>
    public async Task<string> WaitForLineAsync(Func<string, bool> predicate)
    {
        using var timeout = new CancellationTokenSource(Patience);
        await foreach (var line in _lines.Reader.ReadAllAsync(timeout.Token))
        {
            if (predicate(line))
                return line;
        }

        throw new InvalidOperationException($"rffp ended without the awaited line; standard error:\n{_error}");
    }

    /// <summary>Kills the process at once (SIGKILL: no handler runs, nothing is flushed) and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>Waits for the process to end and returns its exit code and everything it printed.</summary>
    public async Task<CliRunner.Result> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        await _process.WaitForExitAsync(timeout.Token);
        await Task.WhenAll(_outputClosed.Task, _errorClosed.Task).WaitAsync(timeout.Token);
        lock (_output)
        lock (_error)
            return new CliRunner.Result(_process.ExitCode, _output.ToString(), _error.ToString());
    }

    public void Dispose()
    {
        // A failed assertion must not leave a replay running behind the tests.
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }

    private void OnOutput(string? line)
    {
        if (line is null)
        {
            _lines.Writer.TryComplete();
            _outputClosed.TrySetResult();
            return;
        }

        lock (_output)
            _output.AppendLine(line);
        _lines.Writer.TryWrite(line);
    }

    private void OnError(string? line)
    {
        if (line is null)
        {
            _errorClosed.TrySetResult();
            return;
        }

        lock (_error)
            _error.AppendLine(line);
    }
}
