using Microsoft.Extensions.Options;

namespace RfFingerprint.Service.Capture;

/// <summary>
/// Keeps the configured source running through the pipeline while the service runs, when
/// <see cref="CaptureOptions.AutoStart"/> is set (restarting a failed session after
/// <see cref="CaptureOptions.RestartDelaySeconds"/>), and stops any session when the host stops. Sessions started
/// through the API or by timed jobs run on the same <see cref="CaptureSessionManager"/>.
/// </summary>
public sealed partial class CaptureWorker(CaptureSessionManager sessions, IOptions<CaptureOptions> options, ILogger<CaptureWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.AutoStart)
        {
            return;
        }

        var delay = TimeSpan.FromSeconds(Math.Max(0.1, options.Value.RestartDelaySeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            if (!sessions.IsRunning)
            {
                try
                {
                    var (_, completion) = sessions.Start(null, null);
                    await completion.WaitAsync(stoppingToken);
                    LogEnded(logger, sessions.Status.State, sessions.Status.Error, delay.TotalSeconds);
                }
                catch (InvalidOperationException)
                {
                    // A session started through the API in between: leave it running and look again later.
                }
            }

            await Task.Delay(delay, stoppingToken);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await sessions.StopAsync();
        await base.StopAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Auto-started capture session ended ({State}: {Error}); restarting in {DelaySeconds} s")]
    private static partial void LogEnded(ILogger logger, string state, string? error, double delaySeconds);
}
