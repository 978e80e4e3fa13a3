using System.Collections.Concurrent;
using MathNet.Numerics;

namespace RfFingerprint.Uhd.Streaming;

/// <summary>A fixed set of sample buffers allocated once and passed between the receive thread and the consumer.</summary>
internal sealed class BlockPool
{
    private readonly ConcurrentQueue<Complex32[]> _free = new();

    /// <summary>Allocates <paramref name="blockCount"/> buffers of <paramref name="blockSamples"/> samples.</summary>
    public BlockPool(int blockCount, int blockSamples)
    {
        for (int i = 0; i < blockCount; i++)
        {
            _free.Enqueue(new Complex32[blockSamples]);
        }

        BlockCount = blockCount;
    }

    public int BlockCount { get; }

    public bool TryRent(out Complex32[] buffer) => _free.TryDequeue(out buffer!);

    public void Return(Complex32[] buffer) => _free.Enqueue(buffer);
}
