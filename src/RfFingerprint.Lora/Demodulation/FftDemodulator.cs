using System.Numerics.Tensors;
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
    private readonly Complex32[] _dechirped;
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
        _dechirped = new Complex32[Chips];
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

    /// <summary>
    /// Timing error of the last up-chirp, in chips (positive: the chirp started later than the window), from the phase
    /// step at its frequency wrap; null when either side of the wrap is shorter than N/8 chips.
    /// </summary>
    /// <remarks>
    /// A chirp with shift s delayed by δ chips dechirps to a tone at s − δ whose part after the wrap (chip N − s) is
    /// rotated by 2πδ; with Z₁, Z₂ the DFT at bin s of the parts before and after the wrap, arg(Z₂·conj(Z₁)) ≈ πδ.
    /// Unlike the peak's fractional position, this is not disturbed by the wrap itself at one sample per chip.
    /// </remarks>
    public double? TimingError(int shift)
    {
        var wrap = Chips - shift;
        if (wrap < Chips / 8 || shift < Chips / 8)
        {
            return null;
        }

        var before = ComplexMath.Dtft(_dechirped.AsSpan(0, wrap), shift, Chips);
        var after = ComplexMath.Dtft(_dechirped.AsSpan(wrap), shift, Chips) * System.Numerics.Complex.FromPolarCoordinates(1, -2 * Math.PI * shift * wrap / Chips);
        return (after * System.Numerics.Complex.Conjugate(before)).Phase / Math.PI;
    }

    private SymbolEstimate Demodulate(ReadOnlySpan<Complex32> symbol, Complex32[] reference, double residualBins)
    {
        var work = _work.AsSpan();
        ComplexMath.Multiply(symbol[..Chips], reference, work);
        if (residualBins != 0)
        {
            Synchronization.CfoCompensation.Apply(work, work, residualBins, Chips);
        }

        work.CopyTo(_dechirped);

        _fft.Forward(work);
        ComplexMath.Power(work, _power);
        // The first of equal maxima, as a scalar scan would pick; the powers are finite (the receiver zeroes NaN and ∞).
        var best = TensorPrimitives.IndexOfMax(_power);
        var bestPower = _power[best];
        var total = TensorPrimitives.Sum(_power);

        // Jacobsen's estimator on the complex bins ("Fast, accurate frequency estimators", IEEE SP Magazine 2007): its error
        // is zero-mean in noise, which the timing loop needs (a magnitude-based estimate is biased away from 0 in noise).
        var mask = Chips - 1;
        var left = work[(best - 1) & mask];
        var center = work[best];
        var right = work[(best + 1) & mask];
        var numerator = left - right;
        var denominator = (2 * center) - left - right;
        var ratio = denominator.MagnitudeSquared > 0 ? (numerator / denominator).Real : 0;
        var fraction = Math.Clamp(ratio, -0.5, 0.5);
        return new SymbolEstimate(best, fraction, bestPower, total);
    }
}
