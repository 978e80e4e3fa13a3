using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace RfFingerprint.Fingerprinting.Features;

/// <summary>
/// In-place forward complex FFT of a fixed power-of-two size, X[k] = sum_n x[n] exp(-j 2 pi k n / N), on split
/// real/imaginary arrays. Twiddles (stored per stage so each stage reads them contiguously) and the bit-reversal
/// swaps are computed once in the constructor; a transform allocates nothing and the instance is immutable, so it
/// may be shared across threads.
/// </summary>
/// <remarks>
/// Iterative radix-2 decimation in time. Stages whose half-length is at least <see cref="Vector{T}.Count"/> run on
/// SIMD vectors; the spectrogram spends most of its time here (63 transforms of 256 points per burst).
/// </remarks>
internal sealed class RadixTwoFft
{
    // Stage with half-length h keeps W_{2h}^k = exp(-j 2 pi k / (2h)), k < h, at indices [h, 2h).
    private readonly float[] _stageCos;
    private readonly float[] _stageSin;
    private readonly int[] _swapFrom;
    private readonly int[] _swapTo;

    /// <exception cref="ArgumentException"><paramref name="size"/> is not a power of two of at least 2.</exception>
    public RadixTwoFft(int size)
    {
        if (size < 2 || !BitOperations.IsPow2(size))
            throw new ArgumentException($"FFT size must be a power of two of at least 2, got {size}.", nameof(size));
        Size = size;
        _stageCos = new float[size];
        _stageSin = new float[size];
        for (int half = 1; half < size; half <<= 1)
        {
            for (int k = 0; k < half; k++)
            {
                double angle = -Math.PI * k / half;
                _stageCos[half + k] = (float)Math.Cos(angle);
                _stageSin[half + k] = (float)Math.Sin(angle);
            }
        }

        int bits = BitOperations.Log2((uint)size);
        var from = new List<int>();
        var to = new List<int>();
        for (int i = 0; i < size; i++)
        {
            int r = 0;
            for (int b = 0; b < bits; b++)
                r |= ((i >> b) & 1) << (bits - 1 - b);
            if (r > i)
            {
                from.Add(i);
                to.Add(r);
            }
        }

        _swapFrom = [.. from];
        _swapTo = [.. to];
    }

    public int Size { get; }

    /// <summary>Transforms <paramref name="re"/> + j <paramref name="im"/> in place (both exactly <see cref="Size"/> long).</summary>
    public void Forward(Span<float> re, Span<float> im)
    {
        int n = Size;
        if (re.Length != n || im.Length != n)
            throw new ArgumentException($"FFT buffers must be {n} long, got {re.Length} and {im.Length}.", nameof(re));

        for (int s = 0; s < _swapFrom.Length; s++)
        {
            int i = _swapFrom[s];
            int j = _swapTo[s];
            (re[i], re[j]) = (re[j], re[i]);
            (im[i], im[j]) = (im[j], im[i]);
        }

        ref float r0 = ref MemoryMarshal.GetReference(re);
        ref float i0 = ref MemoryMarshal.GetReference(im);
        ref float c0 = ref MemoryMarshal.GetArrayDataReference(_stageCos);
        ref float s0 = ref MemoryMarshal.GetArrayDataReference(_stageSin);
        int width = Vector<float>.Count;
        for (int half = 1; half < n; half <<= 1)
        {
            if (Vector.IsHardwareAccelerated && half >= width)
                VectorStage(ref r0, ref i0, ref c0, ref s0, n, half, width);
            else
                ScalarStage(ref r0, ref i0, ref c0, ref s0, n, half);
        }
    }

    // Lengths were checked in Forward: every index below is < n, so the unchecked reads stay inside the buffers.
    private static void ScalarStage(ref float r0, ref float i0, ref float c0, ref float s0, int n, int half)
    {
        for (int start = 0; start < n; start += 2 * half)
        {
            for (int k = 0; k < half; k++)
            {
                float wr = Unsafe.Add(ref c0, half + k);
                float wi = Unsafe.Add(ref s0, half + k);
                ref float ar = ref Unsafe.Add(ref r0, start + k);
                ref float ai = ref Unsafe.Add(ref i0, start + k);
                ref float br = ref Unsafe.Add(ref r0, start + k + half);
                ref float bi = ref Unsafe.Add(ref i0, start + k + half);
                float tr = (br * wr) - (bi * wi);
                float ti = (br * wi) + (bi * wr);
                br = ar - tr;
                bi = ai - ti;
                ar += tr;
                ai += ti;
            }
        }
    }

    private static void VectorStage(ref float r0, ref float i0, ref float c0, ref float s0, int n, int half, int width)
    {
        for (int start = 0; start < n; start += 2 * half)
        {
            for (int k = 0; k < half; k += width)
            {
                var wr = Vector.LoadUnsafe(ref c0, (nuint)(half + k));
                var wi = Vector.LoadUnsafe(ref s0, (nuint)(half + k));
                nuint a = (nuint)(start + k);
                nuint b = a + (nuint)half;
                var br = Vector.LoadUnsafe(ref r0, b);
                var bi = Vector.LoadUnsafe(ref i0, b);
                var tr = (br * wr) - (bi * wi);
                var ti = (br * wi) + (bi * wr);
                var ar = Vector.LoadUnsafe(ref r0, a);
                var ai = Vector.LoadUnsafe(ref i0, a);
                (ar - tr).StoreUnsafe(ref r0, b);
                (ai - ti).StoreUnsafe(ref i0, b);
                (ar + tr).StoreUnsafe(ref r0, a);
                (ai + ti).StoreUnsafe(ref i0, a);
            }
        }
    }
}
