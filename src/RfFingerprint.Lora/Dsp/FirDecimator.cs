using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using MathNet.Numerics;

namespace RfFingerprint.Lora.Dsp;

/// <summary>Linear-phase low-pass FIR that keeps every <c>factor</c>-th output (polyphase: only kept outputs are computed).</summary>
/// <remarks>
/// Taps: Kaiser-windowed sinc (β = 4), cutoff at half the output rate, <c>tapsPerPhase · factor + 1</c> taps, unit DC gain.
/// A bank of 32 fractionally shifted designs lets the output grid start between input samples, so a burst's chirps can be
/// sampled exactly on their chip boundaries (a fractional timing error would otherwise split each chirp's dechirped tone
/// at the frequency wrap into two parts with a phase step between them).
/// The LoRa chirp fills exactly ±BW/2, so the output rate equals the bandwidth: the transition band straddles BW/2, trading
/// a little edge attenuation against a little aliased noise (measured loss is reported by the evaluation).
/// output[j] = Σ_t h[t] · input[j·factor + t]; it is centred on input index j·factor + <see cref="Delay"/>.
/// With factor 1 and no fractional shift the filter is the identity. Thread-safe (read-only after construction).
/// </remarks>
public sealed class FirDecimator
{
    // β = 4 gives about 45 dB stopband: ample against noise folding, with a transition band about half as wide as β = 7.
    private const double KaiserBeta = 4.0;
    private readonly float[][] _banks;

    /// <summary>Designs the filter.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Factor below 1 or taps per phase below 2.</exception>
    public FirDecimator(int factor, int tapsPerPhase = 16)
    {
        if (factor < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "Decimation factor must be at least 1.");
        }

        if (tapsPerPhase < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(tapsPerPhase), tapsPerPhase, "tapsPerPhase must be at least 2.");
        }

        Factor = factor;
        TapCount = (tapsPerPhase * factor) + 1;
        _banks = Banks.GetOrAdd((factor, TapCount), static key => DesignBanks(key.Factor, key.TapCount));
    }

    /// <summary>Resolution of the fractional output placement: one input sample is split into this many steps.</summary>
    public const int FractionalSteps = 32;

    /// <summary>Decimation factor.</summary>
    public int Factor { get; }

    /// <summary>Number of taps.</summary>
    public int TapCount { get; }

    /// <summary>Group delay in input samples, (TapCount − 1) / 2.</summary>
    public int Delay => (TapCount - 1) / 2;

    /// <summary>Input samples needed for <paramref name="outputCount"/> outputs: (outputCount − 1)·factor + TapCount.</summary>
    public int InputLength(int outputCount) => ((outputCount - 1) * Factor) + TapCount;

    /// <summary>Computes output.Length outputs from <paramref name="input"/> (at least <see cref="InputLength"/> samples).</summary>
    /// <param name="input">Input samples.</param>
    /// <param name="output">Destination.</param>
    /// <param name="fractionalStep">
    /// Places the outputs <paramref name="fractionalStep"/> / <see cref="FractionalSteps"/> of an input sample later
    /// (0 to FractionalSteps − 1): output j is then centred on input index j·factor + Delay + fraction.
    /// </param>
    /// <exception cref="ArgumentException">Input too short.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Fractional step out of range.</exception>
    public void Decimate(ReadOnlySpan<Complex32> input, Span<Complex32> output, int fractionalStep = 0)
    {
        if (fractionalStep is < 0 or >= FractionalSteps)
        {
            throw new ArgumentOutOfRangeException(nameof(fractionalStep), fractionalStep, "fractionalStep must be 0 to FractionalSteps - 1.");
        }

        if (output.IsEmpty)
        {
            return;
        }

        if (input.Length < InputLength(output.Length))
        {
            throw new ArgumentException($"Input needs {InputLength(output.Length)} samples for {output.Length} outputs.", nameof(input));
        }

        var x = MemoryMarshal.Cast<Complex32, float>(input);
        var h = _banks[fractionalStep].AsSpan();
        var stride = 2 * Factor;
        var j = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; j + 4 <= output.Length; j += 4)
            {
                Dot4(h, x.Slice(j * stride, (3 * stride) + h.Length), stride, output.Slice(j, 4));
            }

            for (; j < output.Length; j++)
            {
                output[j] = Dot1(h, x.Slice(j * stride, h.Length));
            }

            return;
        }

        for (; j < output.Length; j++)
        {
            output[j] = Dot256(h, x.Slice(j * stride, h.Length));
        }
    }

    // Four consecutive outputs in one pass over the taps: each tap vector is loaded once for four windows, and the four
    // horizontal sums (which cost as much as the multiply-adds of one 129-tap output) fold pairwise into two stores.
    // Window k starts k·stride floats into x. Four accumulator chains also hide the multiply-add latency.
    // Hot kernel: optimised from the first call (a replay spent about 5 % of its CPU time in the unoptimised first tier of these).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Dot4(ReadOnlySpan<float> h, ReadOnlySpan<float> x, int stride, Span<Complex32> output)
    {
        ref var h0 = ref MemoryMarshal.GetReference(h);
        ref var x0 = ref MemoryMarshal.GetReference(x);
        ref var x1 = ref Unsafe.Add(ref x0, stride);
        ref var x2 = ref Unsafe.Add(ref x0, 2 * stride);
        ref var x3 = ref Unsafe.Add(ref x0, 3 * stride);
        var width = Vector512<float>.Count;
        Vector512<float> a0 = default, a1 = default, a2 = default, a3 = default;
        var i = 0;
        for (; i + width <= h.Length; i += width)
        {
            var taps = Vector512.LoadUnsafe(ref h0, (nuint)i);
            a0 = Vector512.MultiplyAddEstimate(taps, Vector512.LoadUnsafe(ref x0, (nuint)i), a0);
            a1 = Vector512.MultiplyAddEstimate(taps, Vector512.LoadUnsafe(ref x1, (nuint)i), a1);
            a2 = Vector512.MultiplyAddEstimate(taps, Vector512.LoadUnsafe(ref x2, (nuint)i), a2);
            a3 = Vector512.MultiplyAddEstimate(taps, Vector512.LoadUnsafe(ref x3, (nuint)i), a3);
        }

        // Each accumulator folds to [re, im, re, im]; pairing the 64-bit halves of two of them gives [re0, im0, re1, im1].
        var first = PairSum(Fold(a0), Fold(a1));
        var second = PairSum(Fold(a2), Fold(a3));
        for (; i < h.Length; i += 2)
        {
            var tap = TapPair(ref h0, i);
            first = Vector128.MultiplyAddEstimate(tap, Vector128.Create(LoadPair(ref x0, i), LoadPair(ref x1, i)).AsSingle(), first);
            second = Vector128.MultiplyAddEstimate(tap, Vector128.Create(LoadPair(ref x2, i), LoadPair(ref x3, i)).AsSingle(), second);
        }

        ref var destination = ref Unsafe.As<Complex32, float>(ref MemoryMarshal.GetReference(output));
        first.StoreUnsafe(ref destination);
        second.StoreUnsafe(ref destination, 4);
    }

    // One output with exactly Dot4's operations in the same order, so an output does not depend on whether it was computed
    // in a block of four or alone (a stream cut into other blocks then gives bit-identical bursts).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Complex32 Dot1(ReadOnlySpan<float> h, ReadOnlySpan<float> x)
    {
        ref var h0 = ref MemoryMarshal.GetReference(h);
        ref var x0 = ref MemoryMarshal.GetReference(x);
        var width = Vector512<float>.Count;
        Vector512<float> a0 = default;
        var i = 0;
        for (; i + width <= h.Length; i += width)
        {
            a0 = Vector512.MultiplyAddEstimate(Vector512.LoadUnsafe(ref h0, (nuint)i), Vector512.LoadUnsafe(ref x0, (nuint)i), a0);
        }

        var sum = PairSum(Fold(a0), Vector128<float>.Zero);
        for (; i < h.Length; i += 2)
        {
            sum = Vector128.MultiplyAddEstimate(TapPair(ref h0, i), Vector128.Create(LoadPair(ref x0, i), 0).AsSingle(), sum);
        }

        return new Complex32(sum.GetElement(0), sum.GetElement(1));
    }

    // Without 512-bit vectors: Σ h[i]·window[i] kept separately for even (real) and odd (imaginary) float positions, four
    // independent accumulators to hide the add latency; multiply-add uses FMA where available.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Complex32 Dot256(ReadOnlySpan<float> h, ReadOnlySpan<float> window)
    {
        ref var h0 = ref MemoryMarshal.GetReference(h);
        ref var w0 = ref MemoryMarshal.GetReference(window);
        var length = h.Length;
        var width = Vector256<float>.Count;
        Vector256<float> a0 = default, a1 = default, a2 = default, a3 = default;
        var i = 0;
        for (; i + (4 * width) <= length; i += 4 * width)
        {
            a0 = Vector256.MultiplyAddEstimate(Vector256.LoadUnsafe(ref h0, (nuint)i), Vector256.LoadUnsafe(ref w0, (nuint)i), a0);
            a1 = Vector256.MultiplyAddEstimate(Vector256.LoadUnsafe(ref h0, (nuint)(i + width)), Vector256.LoadUnsafe(ref w0, (nuint)(i + width)), a1);
            a2 = Vector256.MultiplyAddEstimate(Vector256.LoadUnsafe(ref h0, (nuint)(i + (2 * width))), Vector256.LoadUnsafe(ref w0, (nuint)(i + (2 * width))), a2);
            a3 = Vector256.MultiplyAddEstimate(Vector256.LoadUnsafe(ref h0, (nuint)(i + (3 * width))), Vector256.LoadUnsafe(ref w0, (nuint)(i + (3 * width))), a3);
        }

        for (; i + width <= length; i += width)
        {
            a0 = Vector256.MultiplyAddEstimate(Vector256.LoadUnsafe(ref h0, (nuint)i), Vector256.LoadUnsafe(ref w0, (nuint)i), a0);
        }

        var sum = (a0 + a1) + (a2 + a3);
        var pairs = sum.GetLower() + sum.GetUpper();

        // pairs = [re, im, re, im]: fold the two complex lanes.
        var re = pairs.GetElement(0) + pairs.GetElement(2);
        var im = pairs.GetElement(1) + pairs.GetElement(3);
        for (; i < length; i += 2)
        {
            re += Unsafe.Add(ref h0, i) * Unsafe.Add(ref w0, i);
            im += Unsafe.Add(ref h0, i + 1) * Unsafe.Add(ref w0, i + 1);
        }

        return new Complex32(re, im);
    }

    private static Vector128<float> Fold(Vector512<float> sum)
    {
        var half = sum.GetLower() + sum.GetUpper();
        return half.GetLower() + half.GetUpper();
    }

    private static Vector128<float> PairSum(Vector128<float> a, Vector128<float> b)
    {
        var da = a.AsDouble();
        var db = b.AsDouble();
        return Vector128.Create(da.GetElement(0), db.GetElement(0)).AsSingle() + Vector128.Create(da.GetElement(1), db.GetElement(1)).AsSingle();
    }

    // The real tap at complex position i/2 for both halves of two complex lanes: [h, h, h, h] (the bank stores each tap twice).
    private static Vector128<float> TapPair(ref float h, int index) =>
        Vector128.Create(Unsafe.Add(ref h, index), Unsafe.Add(ref h, index + 1), Unsafe.Add(ref h, index), Unsafe.Add(ref h, index + 1));

    // One complex sample (two floats) as the bits of a double, to build vectors of two samples without conversion.
    private static double LoadPair(ref float x, int index) => Unsafe.As<float, double>(ref Unsafe.Add(ref x, index));

    // Every receiver (one per replayed recording, pooled per upload rate in the service) makes two decimators; the 32
    // Kaiser designs of a (factor, length) pair are the same each time and read-only, so they are made once per process.
    private static readonly ConcurrentDictionary<(int Factor, int TapCount), float[][]> Banks = new();

    private static float[][] DesignBanks(int factor, int tapCount)
    {
        var banks = new float[FractionalSteps][];
        for (var step = 0; step < FractionalSteps; step++)
        {
            var taps = Design(factor, tapCount, (double)step / FractionalSteps);
            banks[step] = new float[2 * tapCount];
            for (var t = 0; t < tapCount; t++)
            {
                banks[step][2 * t] = (float)taps[t];
                banks[step][(2 * t) + 1] = (float)taps[t];
            }
        }

        return banks;
    }

    private static double[] Design(int factor, int length, double delay)
    {
        const double beta = KaiserBeta;
        var taps = new double[length];
        var center = (length - 1) / 2.0;
        var cutoff = 0.5 / factor;
        var sum = 0.0;
        for (var t = 0; t < length; t++)
        {
            // Tap t weights input sample j·factor + t; centring the kernel at center + delay places the output there.
            var x = t - center - delay;
            var sinc = Math.Abs(x) < 1e-12 ? 2 * cutoff : Math.Sin(2 * Math.PI * cutoff * x) / (Math.PI * x);
            var r = x / (center + 1);
            var window = Math.Abs(r) >= 1 ? 0 : SpecialFunctions.BesselI0(beta * Math.Sqrt(1 - (r * r))) / SpecialFunctions.BesselI0(beta);
            taps[t] = sinc * window;
            sum += taps[t];
        }

        for (var t = 0; t < length; t++)
        {
            taps[t] /= sum;
        }

        return taps;
    }
}
