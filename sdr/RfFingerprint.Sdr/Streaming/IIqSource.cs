namespace RfFingerprint.Sdr.Streaming;

/// <summary>
/// A stream of complex baseband samples: a radio, a recording being replayed, or a simulator.
/// </summary>
/// <remarks>
/// Reading is pull-based, so a slow consumer slows a file source down; a live source that cannot
/// wait drops samples and reports them in <see cref="IqBlock.SamplesLostBefore"/>. The end of the
/// enumeration is the end of the stream.
/// </remarks>
public interface IIqSource : IAsyncDisposable
{
    /// <summary>Fixed facts about the stream (rate, centre frequency, what it is).</summary>
    IqStreamInfo Info { get; }

    /// <summary>Reads the stream block by block until it ends or <paramref name="cancellationToken"/> fires.</summary>
    /// <exception cref="OperationCanceledException">The token fired.</exception>
    IAsyncEnumerable<IqBlock> ReadAsync(CancellationToken cancellationToken = default);
}
