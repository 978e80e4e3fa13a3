using MathNet.Numerics;
using RfFingerprint.Lora.Demodulation;
using RfFingerprint.Lora.Dsp;

namespace RfFingerprint.Lora.Synchronization;

/// <summary>Fine CFO, timing and SNR from a preamble already aligned to within a chip and compensated by the coarse CFO.</summary>
/// <remarks>
/// Input: P up-chirps, two sync chirps and two full down-chirps at one sample per chip.
/// <list type="number">
/// <item>Up tone g_up = Δf − Δτ: maximiser of Σ_i |DTFT(dechirped chirp i)(g)|² (non-coherent over chirps), grid then golden section.
/// Down tone g_down = Δf + Δτ likewise on the two down-chirps (SIGNALS.md: up peak = CFO − STO, down peak = CFO + STO).</item>
/// <item>Δf from the phase advance between consecutive up-chirps: Z_i = DTFT_i(g_up), ν = arg Σ Z_{i+1}·conj(Z_i) / 2π, refined
/// as the maximiser of |Σ_i Z_i·exp(−j2πνi)| (the ML frequency of the P-point sequence, Kay 1989 / Rife and Boorstyn 1974).
/// It is only known modulo one bin; the integer is the one that puts the up tone's power centroid, on the integer grid
/// nu − Δτ + i, nearest to 0: the up tone's mean frequency, which unlike its peak a non-linear transmitter sweep does not move.</item>
/// <item>Δτ = (g_down − g_up) / 2.</item>
/// <item>SNR: σ² from the spread of the dechirped up-chirps about their phase-aligned mean (σ² = Σ_i ‖d_i·e^(−j·arg Z_i) − d̄‖² / ((P − 1)·N)),
/// A² = e − σ² with e = mean |d|²; unlike a single-tone fit this does not count a non-linear sweep or the anti-alias
/// filter's band edges as noise.</item>
/// </list>
/// For a tone of P·N samples this estimator's variance is within P²/(P² − 1) of the Cramér-Rao bound
/// 6/((2π)²·SNR·P·N·((P·N)² − 1)) cycles²/sample² (Rife and Boorstyn). Allocation-free; not thread-safe.
/// </remarks>
public sealed class PreambleEstimator
{
    // Wide enough to hold a tone whose frequency wanders ±3 bins along the chirp, narrow enough to keep most noise out.
    private const int CentroidHalfWidthBins = 4;

    private readonly int _chips;
    private readonly int _preambleSymbols;
    private readonly Complex32[] _dechirpedUp;
    private readonly Complex32[] _dechirpedDown;
    private readonly Complex32[] _upReference;
    private readonly Complex32[] _downReference;
    private readonly System.Numerics.Complex[] _chirpSums;
    private readonly System.Numerics.Complex[] _template;
    private readonly double[] _gridPower = new double[(2 * CentroidHalfWidthBins) + 1];
    private readonly double[] _downGridPower = new double[(2 * CentroidHalfWidthBins) + 1];
    private readonly float[] _binWeights = new float[(2 * CentroidHalfWidthBins) + 1];
    private readonly FftDemodulator _demodulator;

    /// <summary>Creates an estimator for 2^<paramref name="spreadingFactor"/> chips and <paramref name="preambleSymbols"/> up-chirps.</summary>
    public PreambleEstimator(int spreadingFactor, int preambleSymbols, FftDemodulator demodulator)
    {
        _chips = 1 << spreadingFactor;
        _preambleSymbols = preambleSymbols;
        _dechirpedUp = new Complex32[preambleSymbols * _chips];
        _dechirpedDown = new Complex32[2 * _chips];
        _upReference = new Complex32[_chips];
        _downReference = new Complex32[_chips];
        ReferenceChirp.UpChirp(_upReference);
        ReferenceChirp.DownChirp(_downReference);
        _chirpSums = new System.Numerics.Complex[preambleSymbols];
        _template = new System.Numerics.Complex[_chips];
        _demodulator = demodulator;
    }

    /// <summary>
    /// Bin weights for payload demodulation from the last <see cref="Estimate"/> (index j ↔ bin offset j − <see cref="DataWeightHalfWidth"/>
    /// from the shift): the score of shift s is Σ_j w_j·|X[s + j]|². Only the centre is non-zero for an ideal transmitter.
    /// </summary>
    public ReadOnlySpan<float> DataBinWeights => _binWeights;

    /// <summary>Bins each side of the shift that <see cref="DataBinWeights"/> covers.</summary>
    public static int DataWeightHalfWidth => CentroidHalfWidthBins;

    /// <summary>Samples the estimator reads: (P + 4) chirps.</summary>
    public int InputLength => (_preambleSymbols + 4) * _chips;

    /// <summary>Estimates the residuals from <paramref name="aligned"/> (<see cref="InputLength"/> samples).</summary>
    /// <param name="aligned">The preamble, sync and SFD chirps, channelised at the coarse estimates.</param>
    /// <param name="estimateDrift">Also estimate the timing drift (worth it only where a clock offset can move a chirp by a visible fraction of a chip).</param>
    public FineEstimate Estimate(ReadOnlySpan<Complex32> aligned, bool estimateDrift = true)
    {
        var n = _chips;
        var p = _preambleSymbols;
        for (var i = 0; i < p; i++)
        {
            ComplexMath.Multiply(aligned.Slice(i * n, n), _downReference, _dechirpedUp.AsSpan(i * n, n));
        }

        for (var j = 0; j < 2; j++)
        {
            ComplexMath.Multiply(aligned.Slice((p + 2 + j) * n, n), _upReference, _dechirpedDown.AsSpan(j * n, n));
        }

        var upObjective = new NonCoherentTone(_dechirpedUp, p, n);
        var gUp = FindTone(ref upObjective);
        var downObjective = new NonCoherentTone(_dechirpedDown, 2, n);
        var gDown = FindTone(ref downObjective);

        double energy = 0;
        System.Numerics.Complex lagSum = 0;
        for (var i = 0; i < p; i++)
        {
            var chirp = _dechirpedUp.AsSpan(i * n, n);
            _chirpSums[i] = ComplexMath.Dtft(chirp, gUp, n);
            energy += ComplexMath.Energy(chirp);
            if (i > 0)
            {
                lagSum += _chirpSums[i] * System.Numerics.Complex.Conjugate(_chirpSums[i - 1]);
            }
        }

        var nu0 = lagSum.Phase / (2 * Math.PI);
        var sequence = new CoherentSequence(_chirpSums, p);
        var nu = ComplexMath.Maximize(ref sequence, nu0 - 0.2, nu0 + 0.2, 1e-5);

        // Integer part of the CFO. The timing from the peak difference is kept: a transmitter's non-linear sweep moves
        // the up and down peaks alike, so it cancels there. But it moves their sum by up to about a bin (a PLL's static
        // error makes the dechirped tone's frequency wander along the chirp, and the peak sits where the tone lingers,
        // up to ±0.7 bin from its mean frequency), so rounding the peaks' mean would slip a whole bin. Instead the up
        // tone's mean frequency is taken from its spectrum on the grid where, by the phase advance, it must have an
        // integer mean (nu − timing + i): there a periodic tone has no leakage, and the power centroid over a few bins
        // is its mean frequency.
        var timing = (gDown - gUp) / 2;
        var upFraction = nu - timing;
        var nearest = upFraction + Math.Round(gUp - upFraction);
        var meanOffset = IntegerGridCentroid(ref upObjective, nearest);
        var e = energy / (p * n);
        var noise = Math.Max(NoisePower(p, n), 1e-30);
        var signal = Math.Max(e - noise, 0);
        SetBinWeights(meanOffset, p * n * noise);

        // A spread tone can have two near-equal lobes a couple of bins apart (a strong quadratic sweep error, and the
        // down-chirps' error scaled differently from the up-chirps'): each peak may then sit on either lobe, and the
        // timing from the peaks jumps by a whole chip, taking the CFO with it (a joint slip that still decodes). The
        // tones' power centroids do not jump; where the preamble showed a spread, the timing keeps its fraction from the
        // peaks and takes the whole chips from the centroids. An ideal transmitter's single peak is left alone.
        if (IsSpread())
        {
            var upCentroid = nearest + Centroid(_gridPower);
            for (var j = -CentroidHalfWidthBins; j <= CentroidHalfWidthBins; j++)
            {
                _downGridPower[j + CentroidHalfWidthBins] = downObjective.Evaluate(gDown + j);
            }

            var downCentroid = gDown + Centroid(_downGridPower);
            timing += Math.Round(((downCentroid - upCentroid) / 2) - timing);
        }

        var cfo = nearest + meanOffset + timing;

        // Sample-clock offset: each chirp's own tone moves by −drift bins per symbol; least-squares slope over the chirps.
        // It is kept only when it stands out of its own noise (|slope| > 3σ from the fit residuals): at small SF the true
        // drift is far below what a preamble can resolve, and a noisy estimate would only walk the timing off.
        Span<double> tones = stackalloc double[p];
        var meanIndex = (p - 1) / 2.0;
        double sumIG = 0, sumII = 0, meanTone = 0;
        for (var i = 0; i < p && estimateDrift; i++)
        {
            var single = new NonCoherentTone(_dechirpedUp, 1, n, i * n);
            tones[i] = ComplexMath.Maximize(ref single, gUp - 0.5, gUp + 0.5, 1e-3);
            meanTone += tones[i] / p;
        }

        for (var i = 0; i < p; i++)
        {
            sumIG += (i - meanIndex) * (tones[i] - meanTone);
            sumII += (i - meanIndex) * (i - meanIndex);
        }

        var slope = estimateDrift ? sumIG / sumII : 0;
        double residual = 0;
        for (var i = 0; i < p; i++)
        {
            var misfit = tones[i] - meanTone - (slope * (i - meanIndex));
            residual += misfit * misfit;
        }

        var slopeSigma = Math.Sqrt(residual / Math.Max(p - 2, 1) / sumII);
        if (Math.Abs(slope) < 3 * slopeSigma)
        {
            slope = 0;
        }

        var first = _demodulator.DemodulateUp(aligned.Slice(p * n, n), gUp).Bin;
        var second = _demodulator.DemodulateUp(aligned.Slice((p + 1) * n, n), gUp).Bin;
        return new FineEstimate(cfo, timing, gUp, signal / noise, first, second, -slope);
    }

    /// <summary>
    /// Spectrum of the up-chirps on the integer grid around <paramref name="centre"/>, ±<see cref="CentroidHalfWidthBins"/>
    /// bins (kept for <see cref="SetBinWeights"/>): returns the nearest integer to its power centroid, the tone's mean
    /// frequency relative to the centre. White noise moves the centroid only by its variance (the window is symmetric).
    /// </summary>
    private int IntegerGridCentroid(ref NonCoherentTone objective, double centre)
    {
        double weighted = 0, total = 0;
        for (var j = -CentroidHalfWidthBins; j <= CentroidHalfWidthBins; j++)
        {
            var power = objective.Evaluate(centre + j);
            _gridPower[j + CentroidHalfWidthBins] = power;
            weighted += j * power;
            total += power;
        }

        return total > 0 ? (int)Math.Round(weighted / total) : 0;
    }

    /// <summary>Whether the last <see cref="SetBinWeights"/> kept any bin beside the centre.</summary>
    private bool IsSpread()
    {
        for (var j = 0; j < _binWeights.Length; j++)
        {
            if (j != CentroidHalfWidthBins && _binWeights[j] > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Σ_j j·power[j] / Σ_j power[j] for j = −<see cref="CentroidHalfWidthBins"/>..+<see cref="CentroidHalfWidthBins"/>.</summary>
    private static double Centroid(ReadOnlySpan<double> power)
    {
        double weighted = 0, total = 0;
        for (var j = 0; j < power.Length; j++)
        {
            weighted += (j - CentroidHalfWidthBins) * power[j];
            total += power[j];
        }

        return total > 0 ? weighted / total : 0;
    }

    /// <summary>
    /// Weights of the bins around an up-chirp's shift for payload demodulation: the preamble's power in each bin
    /// relative to the tone's mean frequency, less what noise alone would give it (three times the noise mean keeps noise
    /// out: a sum over P chirps rarely exceeds it), normalised to a peak of 1. A periodic tone's integer-bin spectrum
    /// does not change under the payload's cyclic shifts, so a payload chirp with shift s has the same spread around s.
    /// For an ideal transmitter only the centre bin is left: plain argmax demodulation.
    /// </summary>
    private void SetBinWeights(int meanOffset, double noisePerBin)
    {
        Array.Clear(_binWeights);
        var peak = 0.0;
        for (var j = -CentroidHalfWidthBins; j <= CentroidHalfWidthBins; j++)
        {
            var source = j + meanOffset + CentroidHalfWidthBins;
            if (source >= 0 && source < _gridPower.Length)
            {
                var excess = Math.Max(_gridPower[source] - (3 * noisePerBin), 0);
                _binWeights[j + CentroidHalfWidthBins] = (float)excess;
                peak = Math.Max(peak, excess);
            }
        }

        if (peak <= 0)
        {
            _binWeights[CentroidHalfWidthBins] = 1;
            return;
        }

        for (var j = 0; j < _binWeights.Length; j++)
        {
            _binWeights[j] = (float)(_binWeights[j] / peak);
        }
    }

    /// <summary>
    /// Noise power per sample from how the up-chirps differ from their mean after removing each chirp's phase: the
    /// chirps are identical copies of whatever the transmitter sends (non-linear sweep, filter edges included), so only
    /// noise (and slow phase noise) remains. With a template averaged over P chirps the residual energy is (P − 1)·N·σ².
    /// </summary>
    private double NoisePower(int p, int n)
    {
        var template = _template.AsSpan();
        template.Clear();
        for (var i = 0; i < p; i++)
        {
            var rotation = PhaseOf(_chirpSums[i]);
            var chirp = _dechirpedUp.AsSpan(i * n, n);
            for (var m = 0; m < n; m++)
            {
                template[m] += new System.Numerics.Complex(chirp[m].Real, chirp[m].Imaginary) * rotation;
            }
        }

        for (var m = 0; m < n; m++)
        {
            template[m] /= p;
        }

        double residual = 0;
        for (var i = 0; i < p; i++)
        {
            var rotation = PhaseOf(_chirpSums[i]);
            var chirp = _dechirpedUp.AsSpan(i * n, n);
            for (var m = 0; m < n; m++)
            {
                var d = (new System.Numerics.Complex(chirp[m].Real, chirp[m].Imaginary) * rotation) - template[m];
                residual += (d.Real * d.Real) + (d.Imaginary * d.Imaginary);
            }
        }

        return residual / ((p - 1) * (double)n);
    }

    /// <summary>exp(−j·arg z), or 1 for z = 0.</summary>
    private static System.Numerics.Complex PhaseOf(System.Numerics.Complex z) =>
        z.Magnitude > 0 ? System.Numerics.Complex.Conjugate(z) / z.Magnitude : System.Numerics.Complex.One;

    private static double FindTone(ref NonCoherentTone objective)
    {
        var best = 0.0;
        var bestValue = double.NegativeInfinity;
        for (var g = -2.5; g <= 2.5; g += 0.25)
        {
            var value = objective.Evaluate(g);
            if (value > bestValue)
            {
                bestValue = value;
                best = g;
            }
        }

        return ComplexMath.Maximize(ref objective, best - 0.25, best + 0.25, 1e-4);
    }

    private readonly struct NonCoherentTone(Complex32[] dechirped, int chirps, int chips, int offset = 0) : IScalarObjective
    {
        public double Evaluate(double x)
        {
            double sum = 0;
            for (var i = 0; i < chirps; i++)
            {
                var z = ComplexMath.Dtft(dechirped.AsSpan(offset + (i * chips), chips), x, chips);
                sum += (z.Real * z.Real) + (z.Imaginary * z.Imaginary);
            }

            return sum;
        }
    }

    private readonly struct CoherentSequence(System.Numerics.Complex[] values, int count) : IScalarObjective
    {
        public double Evaluate(double x)
        {
            System.Numerics.Complex sum = 0;
            for (var i = 0; i < count; i++)
            {
                sum += values[i] * System.Numerics.Complex.FromPolarCoordinates(1, -2 * Math.PI * x * i);
            }

            return sum.Magnitude;
        }
    }
}
