using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MathNet.Numerics;

namespace RfFingerprint.Lora.Dsp;

/// <summary>Small span kernels used on hot paths.</summary>
public static class ComplexMath
{
    /// <summary>output[i] = a[i] · b[i] (complex); spans of equal length, output may alias a.</summary>
    public static void Multiply(ReadOnlySpan<Complex32> a, ReadOnlySpan<Complex32> b, Span<Complex32> output)
    {
        if (b.Length < a.Length || output.Length < a.Length)
        {
            throw new ArgumentException("Spans must be at least as long as the first.", nameof(b));
        }

        ref var x0 = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<Complex32, float>(a));
        ref var y0 = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<Complex32, float>(b));
        ref var z0 = ref MemoryMarshal.GetReference(MemoryMarshal.Cast<Complex32, float>(output));
        for (var i = 0; i < 2 * a.Length; i += 2)
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
    /// DTFT of <paramref name="x"/> at <paramref name="bins"/> (in units of 1/<paramref name="period"/> cycles per sample):
    /// Σ_m x[m]·exp(−j2π·bins·m/period), accumulated in double precision.
    /// </summary>
    public static System.Numerics.Complex Dtft(ReadOnlySpan<Complex32> x, double bins, int period)
    {
        var step = -2 * Math.PI * bins / period;
        var stepRe = Math.Cos(step);
        var stepIm = Math.Sin(step);
        double wr = 1, wi = 0, sr = 0, si = 0;
        for (var m = 0; m < x.Length; m++)
        {
            var v = x[m];
            sr += (v.Real * wr) - (v.Imaginary * wi);
            si += (v.Real * wi) + (v.Imaginary * wr);
            var next = (wr * stepRe) - (wi * stepIm);
            wi = (wr * stepIm) + (wi * stepRe);
            wr = next;
            if ((m & 1023) == 1023)
            {
                var angle = step * (m + 1);
                wr = Math.Cos(angle);
                wi = Math.Sin(angle);
            }
        }

        return new System.Numerics.Complex(sr, si);
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
