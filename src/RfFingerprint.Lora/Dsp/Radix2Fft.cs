using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MathNet.Numerics;

namespace RfFingerprint.Lora.Dsp;

/// <summary>In-place iterative radix-2 FFT over <see cref="Complex32"/> with precomputed twiddles and bit-reversal table.</summary>
/// <remarks>
/// X[k] = Σ_n x[n]·exp(−j2πkn/N), no scaling. Chosen over MathNet's <c>Fourier.Forward</c> because that works on
/// arrays and allocates per call; this one works on spans and never allocates. One instance per size; thread-safe
/// (the tables are read-only).
/// </remarks>
public sealed class Radix2Fft
{
    private readonly int[] _bitReverse;
    private readonly Complex32[] _twiddles;

    /// <summary>Creates an FFT of <paramref name="size"/> points.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Size is not a power of two between 4 and 2^20.</exception>
    public Radix2Fft(int size)
    {
        if (size < 4 || size > (1 << 20) || !BitOperations.IsPow2(size))
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "FFT size must be a power of two from 4 to 2^20.");
        }

        Size = size;
        var bits = BitOperations.Log2((uint)size);
        _bitReverse = new int[size];
        for (var i = 0; i < size; i++)
        {
            var r = 0;
            for (var b = 0; b < bits; b++)
            {
                r |= ((i >> b) & 1) << (bits - 1 - b);
            }

            _bitReverse[i] = r;
        }

        _twiddles = new Complex32[size / 2];
        for (var k = 0; k < size / 2; k++)
        {
            var angle = -2 * Math.PI * k / size;
            _twiddles[k] = new Complex32((float)Math.Cos(angle), (float)Math.Sin(angle));
        }
    }

    /// <summary>Number of points.</summary>
    public int Size { get; }

    /// <summary>Transforms <paramref name="data"/> (exactly <see cref="Size"/> points) in place.</summary>
    /// <exception cref="ArgumentException">Length differs from <see cref="Size"/>.</exception>
    public void Forward(Span<Complex32> data)
    {
        if (data.Length != Size)
        {
            throw new ArgumentException($"FFT input must have {Size} points.", nameof(data));
        }

        var x = MemoryMarshal.Cast<Complex32, float>(data);
        ref var x0 = ref MemoryMarshal.GetReference(x);
        for (var i = 0; i < Size; i++)
        {
            var j = _bitReverse[i];
            if (j > i)
            {
                var ti = Unsafe.Add(ref x0, 2 * i);
                var tq = Unsafe.Add(ref x0, (2 * i) + 1);
                Unsafe.Add(ref x0, 2 * i) = Unsafe.Add(ref x0, 2 * j);
                Unsafe.Add(ref x0, (2 * i) + 1) = Unsafe.Add(ref x0, (2 * j) + 1);
                Unsafe.Add(ref x0, 2 * j) = ti;
                Unsafe.Add(ref x0, (2 * j) + 1) = tq;
            }
        }

        var tw = MemoryMarshal.Cast<Complex32, float>(_twiddles.AsSpan());
        ref var w0 = ref MemoryMarshal.GetReference(tw);

        // First two stages fused as radix-4 butterflies without multiplications.
        for (var i = 0; i + 3 < Size; i += 4)
        {
            ref var a = ref Unsafe.Add(ref x0, 2 * i);
            var ar = a; var ai = Unsafe.Add(ref a, 1);
            var br = Unsafe.Add(ref a, 2); var bi = Unsafe.Add(ref a, 3);
            var cr = Unsafe.Add(ref a, 4); var ci = Unsafe.Add(ref a, 5);
            var dr = Unsafe.Add(ref a, 6); var di = Unsafe.Add(ref a, 7);
            var s0r = ar + br; var s0i = ai + bi;
            var d0r = ar - br; var d0i = ai - bi;
            var s1r = cr + dr; var s1i = ci + di;
            var d1r = cr - dr; var d1i = ci - di;
            a = s0r + s1r; Unsafe.Add(ref a, 1) = s0i + s1i;
            Unsafe.Add(ref a, 4) = s0r - s1r; Unsafe.Add(ref a, 5) = s0i - s1i;
            // d1 * (-j) = (d1i, -d1r)
            Unsafe.Add(ref a, 2) = d0r + d1i; Unsafe.Add(ref a, 3) = d0i - d1r;
            Unsafe.Add(ref a, 6) = d0r - d1i; Unsafe.Add(ref a, 7) = d0i + d1r;
        }

        for (var half = 4; half < Size; half <<= 1)
        {
            var step = Size / (2 * half);
            for (var start = 0; start < Size; start += 2 * half)
            {
                for (var k = 0; k < half; k++)
                {
                    var wr = Unsafe.Add(ref w0, 2 * k * step);
                    var wi = Unsafe.Add(ref w0, (2 * k * step) + 1);
                    ref var top = ref Unsafe.Add(ref x0, 2 * (start + k));
                    ref var bottom = ref Unsafe.Add(ref x0, 2 * (start + k + half));
                    var br = bottom; var bi = Unsafe.Add(ref bottom, 1);
                    var tr = (br * wr) - (bi * wi);
                    var ti = (br * wi) + (bi * wr);
                    var ur = top; var ui = Unsafe.Add(ref top, 1);
                    top = ur + tr; Unsafe.Add(ref top, 1) = ui + ti;
                    bottom = ur - tr; Unsafe.Add(ref bottom, 1) = ui - ti;
                }
            }
        }
    }
}
