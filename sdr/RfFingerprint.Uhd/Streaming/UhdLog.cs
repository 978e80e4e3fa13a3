using Microsoft.Extensions.Logging;
using RfFingerprint.Uhd.Device;

namespace RfFingerprint.Uhd.Streaming;

/// <summary>Log messages of <see cref="UhdIqSource"/> (source-generated, no allocation when disabled).</summary>
internal static partial class UhdLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Opening USRP '{DeviceArgs}' (attempt {Attempt} of {Attempts})")]
    public static partial void Opening(ILogger logger, string deviceArgs, int attempt, int attempts);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "USRP '{DeviceArgs}' attempt {Attempt} failed: {Reason}; retrying in {DelaySeconds:0.###} s")]
    public static partial void RetryScheduled(ILogger logger, string deviceArgs, int attempt, string reason, double delaySeconds);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "Giving up on USRP '{DeviceArgs}' after {Attempts} attempts")]
    public static partial void GaveUp(ILogger logger, string deviceArgs, int attempts, Exception exception);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "USRP {Motherboard} '{DeviceArgs}': {SampleRateHz} S/s at {CenterFrequencyHz} Hz (LO {LoFrequencyHz} Hz, DSP {DspFrequencyHz} Hz), gain {GainDb} dB, antenna {Antenna}, bandwidth {BandwidthHz} Hz")]
    public static partial void Opened(ILogger logger, string motherboard, string deviceArgs, double sampleRateHz, double centerFrequencyHz, double loFrequencyHz, double dspFrequencyHz, double gainDb, string antenna, double bandwidthHz);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "USRP '{DeviceArgs}' runs at {ActualHz} S/s instead of the requested {RequestedHz} S/s")]
    public static partial void RateCoerced(ILogger logger, string deviceArgs, double actualHz, double requestedHz);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "USRP '{DeviceArgs}' lost while streaming; reopening")]
    public static partial void DeviceLost(ILogger logger, string deviceArgs, Exception exception);

    [LoggerMessage(EventId = 7, Level = LogLevel.Debug, Message = "USRP '{DeviceArgs}' overflow at sample {SampleIndex}")]
    public static partial void Overflow(ILogger logger, string deviceArgs, long sampleIndex);

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning, Message = "USRP '{DeviceArgs}' receive error {Error} at sample {SampleIndex}")]
    public static partial void ReceiveError(ILogger logger, string deviceArgs, UhdRxMetadataError error, long sampleIndex);

    [LoggerMessage(EventId = 9, Level = LogLevel.Error, Message = "USRP '{DeviceArgs}' receive thread failed")]
    public static partial void ReceiveFailed(ILogger logger, string deviceArgs, Exception exception);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "USRP '{DeviceArgs}' stopped: {Statistics}")]
    public static partial void Stopped(ILogger logger, string deviceArgs, UhdSourceStatistics statistics);
}
