using MathNet.Numerics;

namespace RfFingerprint.Lora.Dsp;

/// <summary>Fixed-size history of a sample stream addressed by absolute sample index.</summary>
/// <remarks>Holds the last <see cref="Capacity"/> samples written; memory is constant however long the stream runs.</remarks>
public sealed class SampleRing
{
    private readonly Complex32[] _buffer;
    private readonly int _mask;
    private long _origin;

    /// <summary>Creates a ring holding at least <paramref name="minimumCapacity"/> samples (rounded up to a power of two).</summary>
    public SampleRing(int minimumCapacity, long startIndex = 0)
    {
        var capacity = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(minimumCapacity, 16));
        _buffer = new Complex32[capacity];
        _mask = capacity - 1;
        End = startIndex;
        _origin = startIndex;
    }

    /// <summary>Number of samples kept.</summary>
    public int Capacity => _buffer.Length;

    /// <summary>Absolute index of the next sample to be written.</summary>
    public long End { get; private set; }

    /// <summary>Absolute index of the oldest sample still held.</summary>
    public long Start => Math.Max(_origin, End - Capacity);

    /// <summary>Empties the ring and makes <paramref name="startIndex"/> the index of the next sample written.</summary>
    public void Reset(long startIndex)
    {
        End = startIndex;
        _origin = startIndex;
    }

    /// <summary>Appends <paramref name="samples"/> (at most <see cref="Capacity"/>).</summary>
    public void Write(ReadOnlySpan<Complex32> samples)
    {
        var offset = (int)(End & _mask);
        var first = Math.Min(samples.Length, _buffer.Length - offset);
        samples[..first].CopyTo(_buffer.AsSpan(offset));
        samples[first..].CopyTo(_buffer);
        End += samples.Length;
    }

    /// <summary>Whether [start, start + count) is still (and already) held.</summary>
    public bool Contains(long start, int count) => start >= Start && start + count <= End && count >= 0;

    /// <summary>
    /// Exposes [start, start + count) without copying when it does not wrap around the end of the buffer; the range must be
    /// held (see <see cref="Contains"/>). The span is valid until the next <see cref="Write"/>.
    /// </summary>
    /// <returns>False (and an empty span) when the range wraps; use <see cref="CopyTo"/> then.</returns>
    public bool TryGetContiguous(long start, int count, out ReadOnlySpan<Complex32> samples)
    {
        var offset = (int)(start & _mask);
        if (count < 0 || offset + count > _buffer.Length)
        {
            samples = default;
            return false;
        }

        samples = _buffer.AsSpan(offset, count);
        return true;
    }

    /// <summary>Copies [start, start + destination.Length) into <paramref name="destination"/>; the range must be held (see <see cref="Contains"/>).</summary>
    public void CopyTo(long start, Span<Complex32> destination)
    {
        var offset = (int)(start & _mask);
        var first = Math.Min(destination.Length, _buffer.Length - offset);
        _buffer.AsSpan(offset, first).CopyTo(destination);
        _buffer.AsSpan(0, destination.Length - first).CopyTo(destination[first..]);
    }
}
