using RfFingerprint.Sdr.Streaming;

namespace RfFingerprint.Service.Capture;

/// <summary>
/// A further kind of live source, chosen by <see cref="CaptureOptions.Source"/> = <see cref="Name"/> (registered as a
/// singleton; the built-in <c>uhd</c> and <c>sigmf</c> sources need none). Soak tests and benchmarks plug in fast
/// synthetic sources this way.
/// </summary>
public interface IIqSourceProvider
{
    /// <summary>The <see cref="CaptureOptions.Source"/> value that selects this provider (compared case-insensitively).</summary>
    string Name { get; }

    /// <summary>A new, opened source for one capture session.</summary>
    Task<IIqSource> CreateAsync(CancellationToken cancellationToken);
}
