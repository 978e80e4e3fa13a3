namespace RfFingerprint.Sdr.SigMF;

/// <summary>How a <see cref="SigMFFileSource"/> replays a recording.</summary>
public sealed record SigMFReplayOptions
{
    /// <summary>Defaults: 65 536-sample blocks, full speed, whole recording.</summary>
    public static SigMFReplayOptions Default { get; } = new();

    /// <summary>Maximum samples per block (blocks also end at capture-segment boundaries). Positive.</summary>
    public int BlockSamples { get; init; } = 1 << 16;

    /// <summary>Full speed or real time.</summary>
    public ReplayPacing Pacing { get; init; } = ReplayPacing.FullSpeed;

    /// <summary>First sample of the recording to replay.</summary>
    public long StartSample { get; init; }

    /// <summary>Samples to replay from <see cref="StartSample"/>; null for all the rest.</summary>
    public long? SampleCount { get; init; }

    /// <summary>Sample rate to assume when the recording has no <c>core:sample_rate</c>.</summary>
    public double? FallbackSampleRateHz { get; init; }

    /// <summary>
    /// Number blocks by the capture segments' <c>core:global_index</c> (the index in the stream the recording
    /// was cut from) instead of the position in the file. A jump in the global index is reported as
    /// <see cref="Streaming.IqBlock.SamplesLostBefore"/>, so a burst-only recording replays with its original
    /// sample numbers and gaps.
    /// </summary>
    public bool FollowGlobalIndex { get; init; }

    /// <summary>Clock for real-time pacing (tests pass a fake one).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
