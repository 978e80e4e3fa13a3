namespace RfFingerprint.Service.Capture;

/// <summary>Live capture settings, bound from the <c>Capture</c> configuration section.</summary>
public sealed class CaptureOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Capture";

    /// <summary>
    /// Where samples come from: <c>uhd</c> (a USRP, settings in the <c>Uhd</c> section) or <c>sigmf</c> (a recording
    /// replayed in real time as if it were a radio: lab and demo use).
    /// </summary>
    public string Source { get; set; } = "uhd";

    /// <summary>Recording replayed by the <c>sigmf</c> source.</summary>
    public string? SigMFPath { get; set; }

    /// <summary>Replay the <c>sigmf</c> source at its own sample rate (true) or as fast as it can be read.</summary>
    public bool RealTime { get; set; } = true;

    /// <summary>Start capturing when the service starts (and restart after a failure).</summary>
    public bool AutoStart { get; set; }

    /// <summary>
    /// Blocks queued between the receive loop and the pipeline. When the pipeline falls behind by this many blocks,
    /// newer blocks are dropped and counted rather than the receive loop waiting.
    /// </summary>
    public int QueueBlocks { get; set; } = 64;

    /// <summary>What a session records by default: <c>none</c>, <c>stream</c> (every sample) or <c>bursts</c> (detected bursts' preambles).</summary>
    public string Record { get; set; } = CaptureRecordMode.None;

    /// <summary>Wait before restarting an auto-started session that failed, seconds.</summary>
    public double RestartDelaySeconds { get; set; } = 5;
}

/// <summary>What a capture session writes to SigMF besides the events.</summary>
public static class CaptureRecordMode
{
    /// <summary>Nothing.</summary>
    public const string None = "none";

    /// <summary>Every sample the pipeline received (gaps marked as capture segments).</summary>
    public const string Stream = "stream";

    /// <summary>The preamble of every detected burst, annotated with its measurements.</summary>
    public const string Bursts = "bursts";

    /// <summary>True for a known mode.</summary>
    public static bool IsValid(string? mode) => mode is None or Stream or Bursts;
}
