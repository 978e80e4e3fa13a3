using RfFingerprint.Pipeline.Captures;
using RfFingerprint.Registry;

namespace RfFingerprint.Pipeline.UseCases;

/// <summary>
/// A recording whose bursts are being received and fingerprinted ahead of their turn in a multi-recording replay, with
/// its SHA-512 (the registry identity) computed alongside when the replay records events.
/// </summary>
internal sealed class CaptureReplay : IAsyncDisposable
{
    private Task<long>? _captureId;

    private CaptureReplay(OpenedCapture capture, PipelineRun run)
    {
        Capture = capture;
        Run = run;
    }

    public OpenedCapture Capture { get; }

    public PipelineRun Run { get; }

    /// <summary>Opens <paramref name="path"/> and starts its bursts through <paramref name="pipeline"/> (and its hash, when <paramref name="hash"/>).</summary>
    public static async Task<CaptureReplay> StartAsync(FingerprintPipeline pipeline, string path, bool hash, CancellationToken cancellationToken)
    {
        var capture = await OpenedCapture.OpenAsync(path);
        try
        {
            if (hash)
                _ = capture.GetSha512Async();
            return new CaptureReplay(capture, pipeline.Start(capture.Source, cancellationToken));
        }
        catch
        {
            await capture.DisposeAsync();
            throw;
        }
    }

    /// <summary>The capture's registry id, registering it on the first call (later calls share that registration).</summary>
    public Task<long> RegisterAsync(IRegistryStore store, CancellationToken cancellationToken) =>
        _captureId ??= RegisterCoreAsync(store, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Run.DisposeAsync();
        await Capture.DisposeAsync();
    }

    private async Task<long> RegisterCoreAsync(IRegistryStore store, CancellationToken cancellationToken) =>
        (await Capture.RegisterAsync(store, "replay", cancellationToken)).Id;
}
