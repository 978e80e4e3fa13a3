namespace RfFingerprint.Registry.Inputs;

/// <summary>One burst's decision for <see cref="IRegistryStore.InsertEventsAsync"/>.</summary>
public sealed record AuthenticationEventData
{
    /// <summary>Capture the burst came from (see <see cref="IRegistryStore.RegisterCaptureAsync"/>).</summary>
    public required long CaptureId { get; init; }

    /// <summary>Index of the burst's first preamble sample within the capture (non-negative).</summary>
    public required long SampleIndex { get; init; }

    /// <summary>UTC time of the burst.</summary>
    public required DateTimeOffset TimeUtc { get; init; }

    /// <summary>Matched device, or null for an unknown device.</summary>
    public long? DeviceId { get; init; }

    /// <summary>Matcher score, when a match was attempted.</summary>
    public double? Score { get; init; }

    /// <summary>Verdict text (1..64 characters).</summary>
    public required string Verdict { get; init; }

    /// <summary>Estimated CFO, Hz.</summary>
    public double CfoHz { get; init; }

    /// <summary>Estimated SNR, dB.</summary>
    public double SnrDb { get; init; }

    /// <summary>DevAddr claimed by the frame.</summary>
    public uint? ClaimedDevAddr { get; init; }

    /// <summary>DevEUI claimed by a Join-request (16 hex digits).</summary>
    public string? ClaimedDevEui { get; init; }

    /// <summary>Model version that produced the decision.</summary>
    public long? ModelVersionId { get; init; }

    /// <summary>Optional small spectrogram for the dashboard (at most 64 KiB).</summary>
    public byte[]? Spectrogram { get; init; }
}
