using MathNet.Numerics;

namespace RfFingerprint.Uhd.Streaming;

/// <summary>The pooled buffer the consumer currently holds (none by default).</summary>
internal readonly record struct Complex32Buffer(Complex32[]? Buffer)
{
    public void ReturnTo(BlockPool pool)
    {
        if (Buffer is not null)
        {
            pool.Return(Buffer);
        }
    }
}
