using System.Runtime.CompilerServices;
using RfFingerprint.Sdr.Streaming;

namespace RfFingerprint.Service.Capture;

/// <summary>
/// Ends a live stream cleanly when <paramref name="stop"/> fires, instead of cancelling the pipeline reading it: the
/// enumeration simply completes, so the receiver flushes, the last decisions are made and their events written, as at
/// the end of a recording. Cancelling the reader's own token still cancels as usual.
/// </summary>
internal sealed class StoppableIqSource(IIqSource inner, CancellationToken stop) : IIqSource
{
    public IqStreamInfo Info => inner.Info;

    public async IAsyncEnumerable<IqBlock> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stop);
        await using var blocks = inner.ReadAsync(either.Token).GetAsyncEnumerator(either.Token);
        while (true)
        {
            try
            {
                if (!await blocks.MoveNextAsync())
                {
                    yield break;
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                yield break;
            }

            yield return blocks.Current;
        }
    }

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
