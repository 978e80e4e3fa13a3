using MathNet.Numerics;
using RfFingerprint.Lora.Dsp;

namespace RfFingerprint.Lora.Tests.Dsp;

public sealed class Radix2FftTests
{
    [Theory]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(128)]
    [InlineData(4096)]
    public void Forward_matches_the_direct_dft(int size)
    {
        var random = new Random(size);
        var x = new Complex32[size];
        for (var i = 0; i < size; i++)
        {
            x[i] = new Complex32((float)((random.NextDouble() * 2) - 1), (float)((random.NextDouble() * 2) - 1));
        }

        var spectrum = (Complex32[])x.Clone();
        new Radix2Fft(size).Forward(spectrum);

        // Float rounding grows about with log2(N)·sqrt(N) relative to the unit-variance input.
        var tolerance = 1e-5 * Math.Sqrt(size) * Math.Log2(size);
        foreach (var k in new[] { 0, 1, size / 3, size / 2, size - 1 })
        {
            var reference = ComplexMath.Dtft(x, k, size);
            Assert.InRange(Math.Abs(spectrum[k].Real - reference.Real), 0, tolerance);
            Assert.InRange(Math.Abs(spectrum[k].Imaginary - reference.Imaginary), 0, tolerance);
        }
    }
}
