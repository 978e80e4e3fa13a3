using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
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

    // Per stage from half = 4 on: the stage's twiddles laid out for 4-complex vectors, [wr, wr] and [−wi, wi] per k,
    // so t = b·w is b·wre + swap(b)·wim with swap exchanging re/im (bit-identical to the scalar formula: no FMA).
    private readonly float[][] _stageReal;
    private readonly float[][] _stageImaginary;

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

        var twiddles = new Complex32[size / 2];
        for (var k = 0; k < size / 2; k++)
        {
            var angle = -2 * Math.PI * k / size;
            twiddles[k] = new Complex32((float)Math.Cos(angle), (float)Math.Sin(angle));
        }

        var stages = Math.Max(0, bits - 2);
        _stageReal = new float[stages][];
        _stageImaginary = new float[stages][];
        for (int stage = 0, half = 4; half < size; stage++, half <<= 1)
        {
            var step = size / (2 * half);
            _stageReal[stage] = new float[2 * half];
            _stageImaginary[stage] = new float[2 * half];
            for (var k = 0; k < half; k++)
            {
                var w = twiddles[k * step];
                _stageReal[stage][2 * k] = w.Real;
                _stageReal[stage][(2 * k) + 1] = w.Real;
                _stageImaginary[stage][2 * k] = -w.Imaginary;
                _stageImaginary[stage][(2 * k) + 1] = w.Imaginary;
            }
        }
    }

    /// <summary>Number of points.</summary>
    public int Size { get; }

    /// <summary>Transforms <paramref name="data"/> (exactly <see cref="Size"/> points) in place.</summary>
    /// <exception cref="ArgumentException">Length differs from <see cref="Size"/>.</exception>
    // Hot kernel: optimised from the first call (a replay spent about 5 % of its CPU time in the unoptimised first tier of these).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

        var swap = Vector256.Create(1, 0, 3, 2, 5, 4, 7, 6);
        for (int stage = 0, half = 4; half < Size; stage++, half <<= 1)
        {
            ref var wre0 = ref MemoryMarshal.GetArrayDataReference(_stageReal[stage]);
            ref var wim0 = ref MemoryMarshal.GetArrayDataReference(_stageImaginary[stage]);
            for (var start = 0; start < Size; start += 2 * half)
            {
                ref var top0 = ref Unsafe.Add(ref x0, 2 * start);
                ref var bottom0 = ref Unsafe.Add(ref x0, 2 * (start + half));
                for (var f = 0; f < 2 * half; f += Vector256<float>.Count)
                {
                    var b = Vector256.LoadUnsafe(ref bottom0, (nuint)f);
                    var t = (b * Vector256.LoadUnsafe(ref wre0, (nuint)f)) + (Vector256.Shuffle(b, swap) * Vector256.LoadUnsafe(ref wim0, (nuint)f));
                    var u = Vector256.LoadUnsafe(ref top0, (nuint)f);
                    (u + t).StoreUnsafe(ref top0, (nuint)f);
                    (u - t).StoreUnsafe(ref bottom0, (nuint)f);
                }
            }
        }
    }
}
