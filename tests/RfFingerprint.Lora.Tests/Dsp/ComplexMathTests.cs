using MathNet.Numerics;
using RfFingerprint.Lora.Dsp;

namespace RfFingerprint.Lora.Tests.Dsp;

public sealed class ComplexMathTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(130)]
    [InlineData(2051)]
    public void Dtft_matches_the_direct_sum_at_a_fractional_frequency(int length)
    {
        var x = TestSamples.Random(length, seed: length);
        const double bins = 3.37;
        const int period = 128;

        var z = ComplexMath.Dtft(x, bins, period);

        var reference = System.Numerics.Complex.Zero;
        for (var m = 0; m < length; m++)
        {
            reference += new System.Numerics.Complex(x[m].Real, x[m].Imaginary) * System.Numerics.Complex.FromPolarCoordinates(1, -2 * Math.PI * bins * m / period);
        }

        // Double accumulation: only the phasor recurrence's round-off separates the two.
        Assert.InRange((z - reference).Magnitude, 0, 1e-9 * Math.Sqrt(length));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(13)]
    [InlineData(128)]
    public void Multiply_gives_each_elements_complex_product_exactly(int length)
    {
        var a = TestSamples.Random(length, seed: 1);
        var b = TestSamples.Random(length, seed: 2);
        var output = new Complex32[length];

        ComplexMath.Multiply(a, b, output);

        for (var i = 0; i < length; i++)
        {
            Assert.Equal((a[i].Real * b[i].Real) - (a[i].Imaginary * b[i].Imaginary), output[i].Real);
            Assert.Equal((a[i].Real * b[i].Imaginary) + (a[i].Imaginary * b[i].Real), output[i].Imaginary);
        }
    }

    [Fact]
    public void Multiply_works_in_place()
    {
        var a = TestSamples.Random(21, seed: 3);
        var b = TestSamples.Random(21, seed: 4);
        var expected = new Complex32[21];
        ComplexMath.Multiply(a, b, expected);

        ComplexMath.Multiply(a, b, a);

        Assert.Equal(expected, a);
    }
}
