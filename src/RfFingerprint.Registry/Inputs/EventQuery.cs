namespace RfFingerprint.Registry.Inputs;

/// <summary>Filters and paging for <see cref="IRegistryStore.QueryEventsAsync"/>; results are newest first (by id).</summary>
public sealed record EventQuery
{
    /// <summary>Only events matched to this device.</summary>
    public long? DeviceId { get; init; }

    /// <summary>Only events with exactly this verdict.</summary>
    public string? Verdict { get; init; }

    /// <summary>Only events whose burst time is at or after this instant.</summary>
    public DateTimeOffset? SinceUtc { get; init; }

    /// <summary>Only events with an id greater than this (for polling: pass the largest id already seen).</summary>
    public long? AfterId { get; init; }

    /// <summary>Only events from this capture.</summary>
    public long? CaptureId { get; init; }

    /// <summary>Rows to skip (non-negative).</summary>
    public int Offset { get; init; }

    /// <summary>Rows to return (1..10000).</summary>
    public int Limit { get; init; } = 100;
}
