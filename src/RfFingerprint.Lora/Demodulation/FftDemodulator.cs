using MathNet.Numerics;
using RfFingerprint.Lora.Dsp;

namespace RfFingerprint.Lora.Demodulation;

/// <summary>Dechirp-and-FFT demodulation of one chirp at one sample per chip.</summary>
/// <remarks>
/// X = FFT(x[m] · conj(u[m]) · exp(−j2π·residualBins·m/N)); the strongest bin is the chirp's shift. The optional residual
/// (where the dechirped tone sits relative to the integer bin, from fractional timing or frequency error) is removed
/// so the peak falls on an integer bin (no scalloping loss).
/// Down-chirps are handled by dechirping with u instead. Allocation-free; not thread-safe (scratch buffers).
/// </remarks>
public sealed class FftDemodulator
{
    private readonly Complex32[] _upReference;
    private readonly Complex32[] _downReference;
    private readonly Complex32[] _work;
    private readonly float[] _power;
    private readonly Radix2Fft _fft;

    /// <summary>Creates a demodulator for 2^<paramref name="spreadingFactor"/> chips per symbol.</summary>
    public FftDemodulator(int spreadingFactor)
    {
        Chips = 1 << spreadingFactor;
        _downReference = new Complex32[Chips];
        _upReference = new Complex32[Chips];
        ReferenceChirp.DownChirp(_downReference);
        ReferenceChirp.UpChirp(_upReference);
        _work = new Complex32[Chips];
        _power = new float[Chips];
        _fft = new Radix2Fft(Chips);
    }

    /// <summary>Chips (samples) per symbol.</summary>
    public int Chips { get; }

    /// <summary>Power spectrum of the last call (valid until the next call).</summary>
    public ReadOnlySpan<float> PowerSpectrum => _power;

    /// <summary>Complex spectrum of the last call (valid until the next call).</summary>
    public ReadOnlySpan<Complex32> Spectrum => _work;

    /// <summary>Dechirps and transforms an up-chirp window, leaving only <see cref="PowerSpectrum"/> (the detector's lean path).</summary>
    public void PowerSpectrumUp(ReadOnlySpan<Complex32> symbol)
    {
        var work = _work.AsSpan();
        ComplexMath.Multiply(symbol[..Chips], _downReference, work);
        _fft.Forward(work);
        ComplexMath.Power(work, _power);
    }

    /// <summary>Demodulates an up-chirp (<paramref name="symbol"/>: N samples).</summary>
    public SymbolEstimate DemodulateUp(ReadOnlySpan<Complex32> symbol, double residualBins = 0) => Demodulate(symbol, _downReference, residualBins);

    /// <summary>Demodulates a down-chirp: its peak is CFO plus timing offset in bins.</summary>
    public SymbolEstimate DemodulateDown(ReadOnlySpan<Complex32> symbol, double residualBins = 0) => Demodulate(symbol, _upReference, residualBins);

    private SymbolEstimate Demodulate(ReadOnlySpan<Complex32> symbol, Complex32[] reference, double residualBins)
    {
        var work = _work.AsSpan();
        ComplexMath.Multiply(symbol[..Chips], reference, work);
        if (residualBins != 0)
        {
            Synchronization.CfoCompensation.Apply(work, work, residualBins, Chips);
        }

        _fft.Forward(work);
        ComplexMath.Power(work, _power);
        var best = 0;
        var bestPower = -1f;
        var total = 0f;
        for (var k = 0; k < _power.Length; k++)
        {
            var p = _power[k];
            total += p;
            if (p > bestPower)
            {
                bestPower = p;
                best = k;
            }
        }

        var mask = Chips - 1;
        var fraction = PeakInterpolation.Offset(MathF.Sqrt(_power[(best - 1) & mask]), MathF.Sqrt(bestPower), MathF.Sqrt(_power[(best + 1) & mask]));
        return new SymbolEstimate(best, fraction, bestPower, total);
    }
}
