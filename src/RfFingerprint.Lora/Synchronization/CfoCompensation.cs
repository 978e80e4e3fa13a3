using MathNet.Numerics;

namespace RfFingerprint.Lora.Synchronization;

/// <summary>Removes a carrier frequency offset.</summary>
public static class CfoCompensation
{
    // Re-anchoring the rotating phasor from an exact cos/sin this often bounds float round-off drift.
    private const int ResyncInterval = 1024;

    /// <summary>
    /// y[n] = x[n] · exp(−j(2π · cfoHz · n / sampleRateHz + initialPhaseRad)); <paramref name="input"/> and
    /// <paramref name="output"/> may be the same span.
    /// </summary>
    /// <exception cref="ArgumentException">Output shorter than input, or a non-finite/non-positive rate or non-finite offset.</exception>
    public static void Apply(ReadOnlySpan<Complex32> input, Span<Complex32> output, double cfoHz, double sampleRateHz, double initialPhaseRad = 0)
    {
        if (output.Length < input.Length)
        {
            throw new ArgumentException("Output must be at least as long as input.", nameof(output));
        }

        if (!double.IsFinite(sampleRateHz) || sampleRateHz <= 0)
        {
            throw new ArgumentException("sampleRateHz must be positive and finite.", nameof(sampleRateHz));
        }

        if (!double.IsFinite(cfoHz) || !double.IsFinite(initialPhaseRad))
        {
            throw new ArgumentException("cfoHz and initialPhaseRad must be finite.", nameof(cfoHz));
        }

        var step = -2 * Math.PI * cfoHz / sampleRateHz;
        var stepRe = Math.Cos(step);
        var stepIm = Math.Sin(step);
        for (var start = 0; start < input.Length; start += ResyncInterval)
        {
            var phase = -initialPhaseRad + (step * start);
            phase -= 2 * Math.PI * Math.Floor(phase / (2 * Math.PI));
            var re = Math.Cos(phase);
            var im = Math.Sin(phase);
            var end = Math.Min(start + ResyncInterval, input.Length);
            for (var n = start; n < end; n++)
            {
                var x = input[n];
                output[n] = new Complex32((float)((x.Real * re) - (x.Imaginary * im)), (float)((x.Real * im) + (x.Imaginary * re)));
                var nextRe = (re * stepRe) - (im * stepIm);
                im = (re * stepIm) + (im * stepRe);
                re = nextRe;
            }
        }
    }
}
