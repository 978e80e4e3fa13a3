using MathNet.Numerics;
using RfFingerprint.Lora.Dsp;

namespace RfFingerprint.Lora.Tests.Dsp;

public sealed class FirDecimatorTests
{
    [Theory]
    [InlineData(8, 0)]
    [InlineData(8, 13)]
    [InlineData(3, 5)]
    [InlineData(16, 31)]
    public void Outputs_computed_together_equal_outputs_computed_one_at_a_time(int factor, int fractionalStep)
    {
        var decimator = new FirDecimator(factor);
        const int count = 11;
        var input = TestSamples.Random(decimator.InputLength(count), seed: factor + fractionalStep);
        var together = new Complex32[count];

        decimator.Decimate(input, together, fractionalStep);

        var single = new Complex32[1];
        for (var j = 0; j < count; j++)
        {
            decimator.Decimate(input.AsSpan(j * factor, decimator.TapCount), single, fractionalStep);
            // Bit for bit: a receiver fed the same stream in other block sizes must find exactly the same bursts.
            Assert.Equal(together[j], single[0]);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(9)]
    public void Output_matches_the_direct_convolution_with_the_impulse_response(int count)
    {
        var decimator = new FirDecimator(8);
        var taps = ImpulseResponse(decimator);
        var input = TestSamples.Random(decimator.InputLength(count), seed: count);
        var output = new Complex32[count];

        decimator.Decimate(input, output);

        for (var j = 0; j < count; j++)
        {
            var reference = Complex32.Zero;
            for (var t = 0; t < taps.Length; t++)
            {
                reference += taps[t] * input[(j * 8) + t];
            }

            Assert.InRange((output[j] - reference).Magnitude, 0f, 1e-5f);
        }
    }

    [Fact]
    public void A_passband_tone_keeps_its_amplitude_and_a_tone_beyond_the_output_band_is_suppressed_40_db()
    {
        var decimator = new FirDecimator(8);
        const double sampleRateHz = 1e6;

        var passed = OutputAmplitude(decimator, 20e3, sampleRateHz);
        var rejected = OutputAmplitude(decimator, 150e3, sampleRateHz);

        Assert.InRange(passed, 0.99, 1.01);
        Assert.InRange(20 * Math.Log10(rejected), double.NegativeInfinity, -40);
    }

    [Fact]
    public void Factor_one_without_a_fractional_step_is_the_identity()
    {
        var decimator = new FirDecimator(1);
        var input = TestSamples.Random(decimator.InputLength(10), seed: 3);
        var output = new Complex32[10];

        decimator.Decimate(input, output);

        Assert.Equal(input.AsSpan(decimator.Delay, 10).ToArray(), output);
    }

    [Fact]
    public void Too_short_an_input_is_refused_with_the_length_it_needs()
    {
        var decimator = new FirDecimator(8);
        var input = new Complex32[decimator.InputLength(4) - 1];

        var error = Assert.Throws<ArgumentException>(() => decimator.Decimate(input, new Complex32[4]));

        Assert.Contains(decimator.InputLength(4).ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    private static double OutputAmplitude(FirDecimator decimator, double toneHz, double sampleRateHz)
    {
        const int count = 64;
        var input = new Complex32[decimator.InputLength(count)];
        for (var n = 0; n < input.Length; n++)
        {
            var phase = 2 * Math.PI * toneHz * n / sampleRateHz;
            input[n] = new Complex32((float)Math.Cos(phase), (float)Math.Sin(phase));
        }

        var output = new Complex32[count];
        decimator.Decimate(input, output);
        return output.Max(z => z.Magnitude);
    }

    // The response to a unit impulse at input index t is tap t of output 0.
    private static float[] ImpulseResponse(FirDecimator decimator)
    {
        var taps = new float[decimator.TapCount];
        var impulse = new Complex32[decimator.TapCount];
        var output = new Complex32[1];
        for (var t = 0; t < taps.Length; t++)
        {
            Array.Clear(impulse);
            impulse[t] = Complex32.One;
            decimator.Decimate(impulse, output);
            taps[t] = output[0].Real;
        }

        return taps;
    }
}
