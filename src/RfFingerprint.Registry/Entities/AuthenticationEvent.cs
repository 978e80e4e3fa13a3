namespace RfFingerprint.Registry.Entities;

/// <summary>
/// The decision taken for one burst. Unique on (<see cref="CaptureId"/>, <see cref="SampleIndex"/>) so replaying a
/// capture never counts a burst twice.
/// </summary>
public sealed class AuthenticationEvent
{
    /// <summary>Database key; increases with insertion order.</summary>
    public long Id { get; set; }

    /// <summary>Capture the burst was found in.</summary>
    public long CaptureId { get; set; }

    /// <summary>Index of the burst's first preamble sample within the capture.</summary>
    public long SampleIndex { get; set; }

    /// <summary>UTC time of the burst.</summary>
    public DateTimeOffset TimeUtc { get; set; }

    /// <summary>Matched device; null for unknown devices, and after the device was deleted.</summary>
    public long? DeviceId { get; set; }

    /// <summary>Matcher score (similarity or probability; meaning set by the model kind), when a match was attempted.</summary>
    public double? Score { get; set; }

    /// <summary>Verdict text as written by the decision step (e.g. "authenticated", "unknown-device").</summary>
    public string Verdict { get; set; } = string.Empty;

    /// <summary>Estimated carrier frequency offset, Hz.</summary>
    public double CfoHz { get; set; }

    /// <summary>Estimated signal-to-noise ratio, dB.</summary>
    public double SnrDb { get; set; }

    /// <summary>DevAddr claimed by the frame, when it decoded.</summary>
    public uint? ClaimedDevAddr { get; set; }

    /// <summary>DevEUI claimed by a Join-request, 16 upper-case hex digits.</summary>
    public string? ClaimedDevEui { get; set; }

    /// <summary>Model version that produced the decision.</summary>
    public long? ModelVersionId { get; set; }

    /// <summary>Optional small spectrogram for the dashboard (encoding chosen by the writer).</summary>
    public byte[]? Spectrogram { get; set; }
}
