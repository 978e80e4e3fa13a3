using Microsoft.Extensions.Options;
using RfFingerprint.Sdr.SigMF;
using RfFingerprint.Sdr.Streaming;
using RfFingerprint.Uhd.Streaming;

namespace RfFingerprint.Service.Capture;

/// <summary>Builds the configured live source (<see cref="CaptureOptions.Source"/>): built-in or a registered <see cref="IIqSourceProvider"/>.</summary>
public sealed class IqSourceFactory(
    IOptions<CaptureOptions> options,
    IOptions<UhdOptions> uhd,
    IHostEnvironment environment,
    ILoggerFactory loggers,
    IEnumerable<IIqSourceProvider> providers)
{
    /// <summary>A new, unopened source.</summary>
    /// <exception cref="InvalidOperationException">The configuration names no usable source.</exception>
    public async Task<IIqSource> CreateAsync(CancellationToken cancellationToken)
    {
        var capture = options.Value;
        switch (capture.Source.ToUpperInvariant())
        {
            case "UHD":
                var radio = new UhdIqSource(uhd.Value, loggers.CreateLogger<UhdIqSource>());
                try
                {
                    await radio.OpenAsync(cancellationToken);
                    return radio;
                }
                catch
                {
                    await radio.DisposeAsync();
                    throw;
                }

            case "SIGMF":
                if (string.IsNullOrWhiteSpace(capture.SigMFPath))
                {
                    throw new InvalidOperationException("Capture:Source is sigmf but Capture:SigMFPath names no recording");
                }

                var path = Path.GetFullPath(capture.SigMFPath, environment.ContentRootPath);
                return SigMFFileSource.Open(path, new SigMFReplayOptions
                {
                    Pacing = capture.RealTime ? ReplayPacing.RealTime : ReplayPacing.FullSpeed,
                    FollowGlobalIndex = true,
                });

            default:
                var provider = providers.FirstOrDefault(p => string.Equals(p.Name, capture.Source, StringComparison.OrdinalIgnoreCase))
                    ?? throw new InvalidOperationException($"Capture:Source '{capture.Source}' is neither 'uhd' nor 'sigmf' nor a registered source");
                return await provider.CreateAsync(cancellationToken);
        }
    }
}
