using System.Numerics;

namespace RfFingerprint.Fingerprinting.Features;

/// <summary>
/// In-place forward complex FFT of a fixed power-of-two size, X[k] = sum_n x[n] exp(-j 2 pi k n / N), on split
/// real/imaginary arrays. Twiddles and the bit-reversal permutation are computed once in the constructor; a
/// transform allocates nothing and the instance is immutable, so it may be shared across threads.
/// </summary>
internal sealed class RadixTwoFft
{
    private readonly float[] _cos;
    private readonly float[] _sin;
    private readonly int[] _bitReversed;

    /// <exception cref="ArgumentException"><paramref name="size"/> is not a power of two of at least 2.</exception>
    public RadixTwoFft(int size)
    {
        if (size < 2 || !BitOperations.IsPow2(size))
            throw new ArgumentException($"FFT size must be a power of two of at least 2, got {size}.", nameof(size));
        Size = size;
        _cos = new float[size / 2];
        _sin = new float[size / 2];
        for (int k = 0; k < size / 2; k++)
        {
            double angle = -2 * Math.PI * k / size;
            _cos[k] = (float)Math.Cos(angle);
            _sin[k] = (float)Math.Sin(angle);
        }

        int bits = BitOperations.Log2((uint)size);
        _bitReversed = new int[size];
        for (int i = 0; i < size; i++)
        {
            int r = 0;
            for (int b = 0; b < bits; b++)
                r |= ((i >> b) & 1) << (bits - 1 - b);
            _bitReversed[i] = r;
        }
    }

    public int Size { get; }

    /// <summary>Transforms <paramref name="re"/> + j <paramref name="im"/> in place (both exactly <see cref="Size"/> long).</summary>
    public void Forward(Span<float> re, Span<float> im)
    {
        int n = Size;
        if (re.Length != n || im.Length != n)
            throw new ArgumentException($"FFT buffers must be {n} long, got {re.Length} and {im.Length}.", nameof(re));

        for (int i = 0; i < n; i++)
        {
            int j = _bitReversed[i];
            if (j > i)
            {
                (re[i], re[j]) = (re[j], re[i]);
                (im[i], im[j]) = (im[j], im[i]);
            }
        }

        // Iterative Cooley-Tukey decimation in time; the twiddle for stage length L is W_N^(k N / L).
        for (int length = 2; length <= n; length <<= 1)
        {
            int half = length >> 1;
            int stride = n / length;
            for (int start = 0; start < n; start += length)
            {
                for (int k = 0; k < half; k++)
                {
                    float wr = _cos[k * stride];
                    float wi = _sin[k * stride];
                    int a = start + k;
                    int b = a + half;
                    float tr = (re[b] * wr) - (im[b] * wi);
                    float ti = (re[b] * wi) + (im[b] * wr);
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                }
            }
        }
    }
}
