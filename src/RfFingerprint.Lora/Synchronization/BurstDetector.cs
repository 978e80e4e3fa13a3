using System.Numerics.Tensors;
using MathNet.Numerics;
using RfFingerprint.Lora.Demodulation;
using RfFingerprint.Lora.Dsp;

namespace RfFingerprint.Lora.Synchronization;

/// <summary>Preamble detector for one spreading factor working on non-overlapping one-symbol windows.</summary>
/// <remarks>
/// Each window (2^SF samples at one sample per chip) is dechirped and transformed; the power spectra of the last
/// <c>accumulatedWindows</c> windows are summed. Preamble up-chirps dechirp to the same tone in every window whatever
/// the window alignment (at one sample per chip the chirp wrap aliases onto the same bin), so the sum builds a peak
/// while noise averages out: non-coherent integration over L windows. The statistic is the peak over the mean of the
/// bins outside peak ± 1; under noise alone the sum is Gamma(L)-distributed per bin, which sets the false-alarm rate.
/// Only the cheap part runs on every window; the synchroniser runs after a detection. Allocation-free; not thread-safe.
/// </remarks>
public sealed class BurstDetector
{
    private readonly FftDemodulator _demodulator;
    private readonly float[][] _spectra;
    private readonly float[] _sum;
    private int _filled;
    private int _next;

    /// <summary>Creates a detector.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than one accumulated window or a non-positive threshold.</exception>
    public BurstDetector(FftDemodulator demodulator, int accumulatedWindows, double threshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(accumulatedWindows, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threshold);
        _demodulator = demodulator;
        Threshold = threshold;
        _spectra = new float[accumulatedWindows][];
        for (var i = 0; i < accumulatedWindows; i++)
        {
            _spectra[i] = new float[demodulator.Chips];
        }

        _sum = new float[demodulator.Chips];
    }

    /// <summary>Detection threshold on the peak-to-mean ratio of the accumulated spectrum.</summary>
    public double Threshold { get; }

    /// <summary>Peak over mean of the last window's own spectrum (no integration).</summary>
    public double LastWindowRatio { get; private set; }

    /// <summary>Forgets all windows.</summary>
    public void Reset()
    {
        _filled = 0;
        _next = 0;
    }

    /// <summary>Adds one window; returns the current statistic (0 until enough windows were seen).</summary>
    /// <param name="window">One symbol of samples at one sample per chip.</param>
    /// <param name="measureWindow">Also compute <see cref="LastWindowRatio"/> (needed only while looking for the SFD).</param>
    public PreambleCandidate Push(ReadOnlySpan<Complex32> window, bool measureWindow = false)
    {
        _demodulator.PowerSpectrumUp(window);
        var spectrum = _demodulator.PowerSpectrum;
        var sum = _sum.AsSpan();

        // Running sum over the last L spectra: subtract the one leaving, add the new one; rebuilt from scratch once per
        // cycle so float rounding cannot accumulate.
        if (_next == 0)
        {
            spectrum.CopyTo(sum);
            for (var i = 1; i < _spectra.Length; i++)
            {
                if (i < _filled)
                {
                    TensorPrimitives.Add(sum, _spectra[i], sum);
                }
            }
        }
        else
        {
            if (_filled == _spectra.Length)
            {
                TensorPrimitives.Subtract(sum, _spectra[_next], sum);
            }

            TensorPrimitives.Add(sum, spectrum, sum);
        }

        spectrum.CopyTo(_spectra[_next]);
        _next = (_next + 1) % _spectra.Length;
        _filled = Math.Min(_filled + 1, _spectra.Length);
        if (measureWindow)
        {
            var windowPeak = TensorPrimitives.Max(spectrum);
            var windowNoise = (TensorPrimitives.Sum(spectrum) - windowPeak) / (spectrum.Length - 1);
            LastWindowRatio = windowNoise > 0 ? windowPeak / windowNoise : 0;
        }

        if (_filled < _spectra.Length)
        {
            return default;
        }

        var peak = TensorPrimitives.IndexOfMax(sum);
        var n = sum.Length;
        var mask = n - 1;
        var left = sum[(peak - 1) & mask];
        var center = sum[peak];
        var right = sum[(peak + 1) & mask];
        var total = TensorPrimitives.Sum(sum);
        var noiseMean = (total - left - center - right) / (n - 3);
        if (!(noiseMean > 0) || !float.IsFinite(total))
        {
            return default;
        }

        var bin = peak + PeakInterpolation.Offset(MathF.Sqrt(left), MathF.Sqrt(center), MathF.Sqrt(right));
        return new PreambleCandidate(bin < 0 ? bin + n : bin, center / noiseMean);
    }
}
