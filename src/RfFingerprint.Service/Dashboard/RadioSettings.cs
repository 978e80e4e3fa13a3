using Microsoft.Extensions.Options;
using RfFingerprint.Sdr.SigMF;
using RfFingerprint.Service.Capture;
using RfFingerprint.Uhd.Streaming;

namespace RfFingerprint.Service.Dashboard;

/// <summary>The configured radio's sample rate, read once: the USRP's setting, or a sigmf source's recorded rate.</summary>
public sealed class RadioSettings(IOptions<CaptureOptions> capture, IOptions<UhdOptions> uhd, IHostEnvironment environment)
{
    private readonly Lazy<double?> _sampleRateHz = new(() => Read(capture.Value, uhd.Value, environment));

    /// <summary>Configured source name ("uhd" or "sigmf").</summary>
    public string Source => capture.Value.Source.ToLowerInvariant();

    /// <summary>Sample rate the source delivers, Hz; null when a sigmf source's recording cannot be read.</summary>
    public double? SampleRateHz => _sampleRateHz.Value;

    private static double? Read(CaptureOptions capture, UhdOptions uhd, IHostEnvironment environment)
    {
        if (!string.Equals(capture.Source, "sigmf", StringComparison.OrdinalIgnoreCase))
        {
            return uhd.SampleRateHz;
        }

        if (string.IsNullOrWhiteSpace(capture.SigMFPath))
        {
            return null;
        }

        try
        {
            using var recording = SigMFRecording.Open(Path.GetFullPath(capture.SigMFPath, environment.ContentRootPath));
            return recording.SampleRateHz;
        }
        catch (Exception ex) when (ex is IOException or SigMFFormatException or UnauthorizedAccessException)
        {
            // The session itself reports the broken recording when it starts; the status page just shows no rate.
            return null;
        }
    }
}
