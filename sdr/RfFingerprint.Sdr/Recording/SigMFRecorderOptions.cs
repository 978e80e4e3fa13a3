using RfFingerprint.Sdr.SigMF;

namespace RfFingerprint.Sdr.Recording;

/// <summary>How a <see cref="SigMFRecorder"/> writes.</summary>
public sealed record SigMFRecorderOptions
{
    /// <summary>Defaults: cf32_le, metadata flushed every second in stream mode and after every burst.</summary>
    public static SigMFRecorderOptions Default { get; } = new();

    /// <summary>Sample datatype written (any of <see cref="SigMFDatatype.All"/>; cf32_le and ci16_le are the usual ones).</summary>
    public SigMFDatatype Datatype { get; init; } = SigMFDatatype.Cf32Le;

    /// <summary>Amplitude of integer full scale (see <see cref="SigMFWriterOptions.FullScale"/>).</summary>
    public float FullScale { get; init; } = 1f;

    /// <summary><c>core:description</c>.</summary>
    public string? Description { get; init; }

    /// <summary><c>core:hw</c>.</summary>
    public string? Hardware { get; init; }

    /// <summary><c>core:recorder</c>.</summary>
    public string Recorder { get; init; } = "rffp";

    /// <summary>
    /// Extension namespaces the caller's annotation fields use, besides <c>rffp</c> which is always declared.
    /// </summary>
    public IReadOnlyList<SigMFExtension> Extensions { get; init; } = [];

    /// <summary>In stream mode, the longest time between metadata flushes (bounds what a crash can lose from the metadata).</summary>
    public TimeSpan FlushInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>In burst mode, flush after every burst (default) so a crash loses no written burst.</summary>
    public bool FlushEveryBurst { get; init; } = true;

    /// <summary>Clock for the flush interval.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
