using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using MathNet.Numerics;

namespace RfFingerprint.Lora.Dsp;

/// <summary>Small span kernels used on hot paths.</summary>
public static class ComplexMath
{
    // Samples between exact re-anchorings of the DTFT's rotating phasors: keeps their round-off drift near 1e-13.
    private const int DtftResyncInterval = 1024;

    /// <summary>output[i] = a[i] · b[i] (complex); spans of equal length, output may alias a.</summary>
    // Hot kernel: optimised from the first call (a replay spent about 5 % of its CPU time in the unoptimised first tier of these).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Multiply(ReadOnlySpan<Complex32> a, ReadOnlySpan<Complex32> b, Span<Complex32> output)
    {
        if (b.Length < a.Length || output.Length < a.Length)
        {
            throw new ArgumentException("Spans must be at least as long as the first.", nameof(b));
        }

        ref var x0 = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<Complex32, float>(a));
        ref var y0 = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<Complex32, float>(b));
        ref var z0 = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<Complex32, float>(output));
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            // Four complex values per vector: x·dup(re y) + swap(x)·dup(im y)·(−1, +1) gives, lane for lane, the same
            // products and sums (hence the same rounding) as the scalar loop.
            var sign = Vector256.Create(-1f, 1f, -1f, 1f, -1f, 1f, -1f, 1f);
            var evens = Vector256.Create(0, 0, 2, 2, 4, 4, 6, 6);
            var odds = Vector256.Create(1, 1, 3, 3, 5, 5, 7, 7);
            var swap = Vector256.Create(1, 0, 3, 2, 5, 4, 7, 6);
            for (; i + Vector256<float>.Count <= 2 * a.Length; i += Vector256<float>.Count)
            {
                var x = Vector256.LoadUnsafe(ref x0, (nuint)i);
                var y = Vector256.LoadUnsafe(ref y0, (nuint)i);
                var product = (x * Vector256.Shuffle(y, evens)) + (Vector256.Shuffle(x, swap) * Vector256.Shuffle(y, odds) * sign);
                product.StoreUnsafe(ref z0, (nuint)i);
            }
        }

        for (; i < 2 * a.Length; i += 2)
        {
            var xr = Unsafe.Add(ref x0, i);
            var xi = Unsafe.Add(ref x0, i + 1);
            var yr = Unsafe.Add(ref y0, i);
            var yi = Unsafe.Add(ref y0, i + 1);
            Unsafe.Add(ref z0, i) = (xr * yr) - (xi * yi);
            Unsafe.Add(ref z0, i + 1) = (xr * yi) + (xi * yr);
        }
    }

    /// <summary>x[i] ← x[i] · <paramref name="factor"/> (complex), in place.</summary>
    public static void Rotate(Span<Complex32> x, Complex32 factor)
    {
        var fr = factor.Real;
        var fi = factor.Imaginary;
        ref var x0 = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<Complex32, float>(x));
        for (var i = 0; i < 2 * x.Length; i += 2)
        {
            var xr = Unsafe.Add(ref x0, i);
            var xi = Unsafe.Add(ref x0, i + 1);
            Unsafe.Add(ref x0, i) = (xr * fr) - (xi * fi);
            Unsafe.Add(ref x0, i + 1) = (xr * fi) + (xi * fr);
        }
    }

    /// <summary>power[i] = |x[i]|².</summary>
    public static void Power(ReadOnlySpan<Complex32> x, Span<float> power)
    {
        if (power.Length < x.Length)
        {
            throw new ArgumentException("Output must be at least as long as the input.", nameof(power));
        }

        ref var x0 = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<Complex32, float>(x));
        ref var p0 = ref MemoryMarshal.GetReference(power);
        for (var i = 0; i < x.Length; i++)
        {
            var re = Unsafe.Add(ref x0, 2 * i);
            var im = Unsafe.Add(ref x0, (2 * i) + 1);
            Unsafe.Add(ref p0, i) = (re * re) + (im * im);
        }
    }

    /// <summary>Σ |x[i]|² computed with <see cref="TensorPrimitives"/> over the interleaved floats.</summary>
    public static float Energy(ReadOnlySpan<Complex32> x) => TensorPrimitives.SumOfSquares(MemoryMarshal.Cast<Complex32, float>(x));

    /// <summary>
    /// exp(j·stepRad)^k for k = 1..4 as (re, im) pairs in double precision: the increments of the interleaved
    /// phasors that <see cref="Dtft"/> and CfoCompensation.Apply advance instead of taking a
    /// sin/cos per sample (powers by multiplication, so the four phasors stay exactly one step apart).
    /// </summary>
    // Inlined: the eight-double result would otherwise be returned through memory on every DTFT (seen in a replay profile).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static (double S1Re, double S1Im, double S2Re, double S2Im, double S3Re, double S3Im, double S4Re, double S4Im) StepPowers(double stepRad)
    {
        var (s1i, s1r) = Math.SinCos(stepRad);
        var s2r = (s1r * s1r) - (s1i * s1i);
        var s2i = 2 * s1r * s1i;
        var s3r = (s2r * s1r) - (s2i * s1i);
        var s3i = (s2r * s1i) + (s2i * s1r);
        var s4r = (s2r * s2r) - (s2i * s2i);
        var s4i = 2 * s2r * s2i;
        return (s1r, s1i, s2r, s2i, s3r, s3i, s4r, s4i);
    }

    /// <summary>
    /// DTFT of <paramref name="x"/> at <paramref name="bins"/> (in units of 1/<paramref name="period"/> cycles per sample):
    /// Σ_m x[m]·exp(−j2π·bins·m/period), accumulated in double precision.
    /// </summary>
    /// <remarks>
    /// The phasor is advanced by multiplication rather than a sin/cos per sample. Eight phasors (samples m ≡ 0..7 mod 8,
    /// each advanced by exp(−j8·step)) held in four double vectors with their own accumulators: the recurrence's
    /// multiply-add latency is then paid once per eight samples instead of once per four (with four phasors the loop
    /// waited on it: about 2.5 cycles per sample, a sixth of a replay's receiver time). Every block of
    /// <see cref="DtftResyncInterval"/> samples re-anchors the phasors from an exact cos/sin to bound the recurrence's drift.
    /// </remarks>
    // Hot kernel: optimised from the first call (a replay spent about 5 % of its CPU time in the unoptimised first tier of these).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static System.Numerics.Complex Dtft(ReadOnlySpan<Complex32> x, double bins, int period)
    {
        var step = -2 * Math.PI * bins / period;
        var (s1r, s1i, s2r, s2i, s3r, s3i, s4r, s4i) = StepPowers(step);
        ref var f0 = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<Complex32, float>(x));
        var step4Re = Vector256.Create(s4r);
        var step4Im = Vector256.Create(-s4i, s4i, -s4i, s4i);
        var step8Re = Vector256.Create((s4r * s4r) - (s4i * s4i));
        var s8i = 2 * s4r * s4i;
        var step8Im = Vector256.Create(-s8i, s8i, -s8i, s8i);
        var swap = Vector256.Create(1L, 0, 3, 2);
        // Interleaved accumulators over (re, im) lanes: direct = Σ x·w lane for lane, crossed = Σ x·swap(w); then
        // Re = Σ even(direct) − Σ odd(direct) and Im = Σ crossed.
        Vector256<double> direct = default, crossed = default, direct2 = default, crossed2 = default;
        double tailRe = 0, tailIm = 0;
        for (var start = 0; start < x.Length; start += DtftResyncInterval)
        {
            double w0r = 1, w0i = 0;
            if (start > 0)
            {
                (w0i, w0r) = Math.SinCos(step * start);
            }

            // Phasors of samples m..m+1, m+2..m+3, m+4..m+5 and m+6..m+7, interleaved (re, im, re, im).
            var p0 = Vector256.Create(w0r, w0i, (w0r * s1r) - (w0i * s1i), (w0r * s1i) + (w0i * s1r));
            var p1 = Vector256.Create((w0r * s2r) - (w0i * s2i), (w0r * s2i) + (w0i * s2r), (w0r * s3r) - (w0i * s3i), (w0r * s3i) + (w0i * s3r));
            var p2 = (p0 * step4Re) + (Vector256.Shuffle(p0, swap) * step4Im);
            var p3 = (p1 * step4Re) + (Vector256.Shuffle(p1, swap) * step4Im);
            var end = Math.Min(start + DtftResyncInterval, x.Length);
            var m = start;
            for (; m + 8 <= end; m += 8)
            {
                var (x0, x1) = Vector256.Widen(Vector256.LoadUnsafe(ref f0, (nuint)(2 * m)));
                var (x2, x3) = Vector256.Widen(Vector256.LoadUnsafe(ref f0, (nuint)((2 * m) + 8)));
                var q0 = Vector256.Shuffle(p0, swap);
                var q1 = Vector256.Shuffle(p1, swap);
                var q2 = Vector256.Shuffle(p2, swap);
                var q3 = Vector256.Shuffle(p3, swap);
                direct += (x0 * p0) + (x1 * p1);
                direct2 += (x2 * p2) + (x3 * p3);
                crossed += (x0 * q0) + (x1 * q1);
                crossed2 += (x2 * q2) + (x3 * q3);
                p0 = (p0 * step8Re) + (q0 * step8Im);
                p1 = (p1 * step8Re) + (q1 * step8Im);
                p2 = (p2 * step8Re) + (q2 * step8Im);
                p3 = (p3 * step8Re) + (q3 * step8Im);
            }

            // p0's first phasor belongs to sample m here, so the tail continues from it one sample at a time.
            double wr = p0.GetElement(0), wi = p0.GetElement(1);
            for (; m < end; m++)
            {
                double ar = Unsafe.Add(ref f0, 2 * m), ai = Unsafe.Add(ref f0, (2 * m) + 1);
                tailRe += (ar * wr) - (ai * wi);
                tailIm += (ar * wi) + (ai * wr);
                (wr, wi) = ((wr * s1r) - (wi * s1i), (wr * s1i) + (wi * s1r));
            }
        }

        direct += direct2;
        var re = (direct.GetElement(0) + direct.GetElement(2)) - (direct.GetElement(1) + direct.GetElement(3)) + tailRe;
        var im = Vector256.Sum(crossed + crossed2) + tailIm;
        return new System.Numerics.Complex(re, im);
    }

    /// <summary>Golden-section search for the maximum of a unimodal objective on [lo, hi] (struct objective: no allocation).</summary>
    public static double Maximize<TObjective>(ref TObjective f, double lo, double hi, double tolerance)
        where TObjective : struct, IScalarObjective
    {
        var ratio = (Math.Sqrt(5) - 1) / 2;
        var a = lo;
        var b = hi;
        var c = b - (ratio * (b - a));
        var d = a + (ratio * (b - a));
        var fc = f.Evaluate(c);
        var fd = f.Evaluate(d);
        while (b - a > tolerance)
        {
            if (fc > fd)
            {
                b = d;
                d = c;
                fd = fc;
                c = b - (ratio * (b - a));
                fc = f.Evaluate(c);
            }
            else
            {
                a = c;
                c = d;
                fc = fd;
                d = a + (ratio * (b - a));
                fd = f.Evaluate(d);
            }
        }

        return (a + b) / 2;
    }
}
