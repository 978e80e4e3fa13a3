using RfFingerprint.Uhd.Native;

namespace RfFingerprint.Uhd.Streaming;

/// <summary>The device stopped delivering samples: receive calls kept timing out for longer than the stall limit.</summary>
public sealed class UhdStreamStalledException : UhdException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="silentSeconds">How long no samples arrived.</param>
    /// <param name="deviceArgs">The device's arguments, for the message.</param>
    public UhdStreamStalledException(double silentSeconds, string deviceArgs)
        : base(UhdError.IO, $"No samples from USRP '{deviceArgs}' for {silentSeconds:0.###} s (every receive timed out).", (Exception?)null)
    {
        SilentSeconds = silentSeconds;
    }

    /// <summary>How long no samples arrived.</summary>
    public double SilentSeconds { get; }
}
