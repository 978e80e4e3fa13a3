using MathNet.Numerics;
using RfFingerprint.Lora.Dsp;

namespace RfFingerprint.Lora.Tests.Dsp;

public sealed class SampleRingTests
{
    [Fact]
    public void Contiguous_view_matches_a_copy_of_the_same_range()
    {
        var ring = new SampleRing(16, startIndex: 100);
        ring.Write([.. Enumerable.Range(0, 12).Select(i => new Complex32(i, -i))]);

        Assert.True(ring.TryGetContiguous(103, 5, out var view));

        var copy = new Complex32[5];
        ring.CopyTo(103, copy);
        Assert.Equal(copy, view.ToArray());
        Assert.Equal(new Complex32(3, -3), view[0]);
    }

    [Fact]
    public void Range_wrapping_the_buffer_end_has_no_contiguous_view()
    {
        var ring = new SampleRing(16);
        ring.Write(new Complex32[24]);

        // Indices 14..17 sit at buffer offsets 14, 15, 0, 1.
        Assert.False(ring.TryGetContiguous(14, 4, out var view));
        Assert.True(view.IsEmpty);
    }
}
