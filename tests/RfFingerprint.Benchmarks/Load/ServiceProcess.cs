using System.Diagnostics;
using System.Text.RegularExpressions;

namespace RfFingerprint.Benchmarks.Load;

/// <summary>
/// The real service (<c>RfFingerprint.Service.dll</c>) as a child process on a free loopback port, configured through
/// <c>RFFP_</c> environment variables, so its CPU time is measured apart from the load generator's.
/// </summary>
internal sealed partial class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServiceProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the service and waits until it listens.</summary>
    /// <exception cref="InvalidOperationException">The process exited before listening, or did not listen within a minute.</exception>
    public static async Task<ServiceProcess> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var service = typeof(RfFingerprint.Service.Hosting.RffpServiceHost).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [service])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(service)!,
        };
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        // Request logging would measure the console, not the service; the start-up line is still needed.
        start.Environment["RFFP_Logging__LogLevel__Default"] = "Warning";
        start.Environment["RFFP_Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (name, value) in settings)
        {
            start.Environment["RFFP_" + name.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        // Both pipes are drained for the process's whole life, so it never blocks writing its log.
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            if (ListeningOn().Match(e.Data) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
            else if (e.Data.Contains("fail", StringComparison.OrdinalIgnoreCase) || e.Data.Contains("crit", StringComparison.OrdinalIgnoreCase))
            {
                errors.Enqueue(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                errors.Enqueue(e.Data);
            }
        };
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException(
            $"the service process exited before it listened: {string.Join(" | ", errors)}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            return new ServiceProcess(process, await listening.Task.WaitAsync(TimeSpan.FromSeconds(60)));
        }
        catch
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.Dispose();
            throw;
        }
    }

    public double CpuSeconds() => ProcessStats.CpuSeconds(_process.Id);

    public double RssMiB() => ProcessStats.RssMiB(_process.Id);

    /// <summary>SIGKILL: no shutdown code runs, as when the machine loses power or the OOM killer strikes.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningOn();
}
