namespace RfFingerprint.Pipeline.UseCases;

/// <summary>
/// The events one caller's runs of <see cref="AuthenticationService"/> wrote: a service instance is shared (a replay job and
/// a capture session at the same time), so its own total cannot tell one run's rows from another's.
/// </summary>
/// <remarks>Thread-safe: a run adds to it from whichever thread flushes its batch.</remarks>
public sealed class EventTally
{
    private long _written;

    /// <summary>New event rows written so far (duplicates of an earlier run, which the registry skips, are not counted).</summary>
    public long Written => Interlocked.Read(ref _written);

    internal void Add(long count) => Interlocked.Add(ref _written, count);
}
