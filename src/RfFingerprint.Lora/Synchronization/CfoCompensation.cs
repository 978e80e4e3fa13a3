using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MathNet.Numerics;
using RfFingerprint.Lora.Dsp;

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
        var (s1r, s1i, s2r, s2i, s3r, s3i, s4r, s4i) = ComplexMath.StepPowers(step);
        ref var x0 = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<Complex32, float>(input));
        ref var y0 = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<Complex32, float>(output));
        for (var start = 0; start < input.Length; start += ResyncInterval)
        {
            var phase = -initialPhaseRad + (step * start);
            phase -= 2 * Math.PI * Math.Floor(phase / (2 * Math.PI));
            var (w0i, w0r) = Math.SinCos(phase);
            var w1r = (w0r * s1r) - (w0i * s1i);
            var w1i = (w0r * s1i) + (w0i * s1r);
            var w2r = (w0r * s2r) - (w0i * s2i);
            var w2i = (w0r * s2i) + (w0i * s2r);
            var w3r = (w0r * s3r) - (w0i * s3i);
            var w3i = (w0r * s3i) + (w0i * s3r);
            var end = Math.Min(start + ResyncInterval, input.Length);
            var n = start;

            // Four interleaved phasors (samples n ≡ 0..3 mod 4, each advanced by exp(j·4·step)) let consecutive samples
            // proceed in parallel instead of each waiting for the previous phasor multiply.
            for (; n + 4 <= end; n += 4)
            {
                var i = 2 * n;
                Mix(ref x0, ref y0, i, w0r, w0i);
                Mix(ref x0, ref y0, i + 2, w1r, w1i);
                Mix(ref x0, ref y0, i + 4, w2r, w2i);
                Mix(ref x0, ref y0, i + 6, w3r, w3i);
                (w0r, w0i) = ((w0r * s4r) - (w0i * s4i), (w0r * s4i) + (w0i * s4r));
                (w1r, w1i) = ((w1r * s4r) - (w1i * s4i), (w1r * s4i) + (w1i * s4r));
                (w2r, w2i) = ((w2r * s4r) - (w2i * s4i), (w2r * s4i) + (w2i * s4r));
                (w3r, w3i) = ((w3r * s4r) - (w3i * s4i), (w3r * s4i) + (w3i * s4r));
            }

            // Lane 0 holds exp(j·phase(n)) here, so the tail continues from it one sample at a time.
            for (; n < end; n++)
            {
                Mix(ref x0, ref y0, 2 * n, w0r, w0i);
                (w0r, w0i) = ((w0r * s1r) - (w0i * s1i), (w0r * s1i) + (w0i * s1r));
            }
        }
    }

    // y = x·w for the complex sample whose real part is float index i (input read before output is written: may alias).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Mix(ref float x0, ref float y0, int i, double wr, double wi)
    {
        double xr = Unsafe.Add(ref x0, i);
        double xi = Unsafe.Add(ref x0, i + 1);
        Unsafe.Add(ref y0, i) = (float)((xr * wr) - (xi * wi));
        Unsafe.Add(ref y0, i + 1) = (float)((xr * wi) + (xi * wr));
    }
}
