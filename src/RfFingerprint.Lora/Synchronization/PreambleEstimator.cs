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
/// It is only known modulo one bin; the integer is taken from (g_up + g_down) / 2.</item>
/// <item>Δτ = (g_down − g_up) / 2.</item>
/// <item>SNR from the coherent and total energies: with e = mean |d|² and z = mean |Z_i|²/N², σ² = (e − z)·N/(N − 1), A² = e − σ².</item>
/// </list>
/// For a tone of P·N samples this estimator's variance is within P²/(P² − 1) of the Cramér-Rao bound
/// 6/((2π)²·SNR·P·N·((P·N)² − 1)) cycles²/sample² (Rife and Boorstyn). Allocation-free; not thread-safe.
/// </remarks>
public sealed class PreambleEstimator
{
    private readonly int _chips;
    private readonly int _preambleSymbols;
    private readonly Complex32[] _dechirpedUp;
    private readonly Complex32[] _dechirpedDown;
    private readonly Complex32[] _upReference;
    private readonly Complex32[] _downReference;
    private readonly System.Numerics.Complex[] _chirpSums;
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
        _demodulator = demodulator;
    }

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
        double coherent = 0;
        System.Numerics.Complex lagSum = 0;
        for (var i = 0; i < p; i++)
        {
            var chirp = _dechirpedUp.AsSpan(i * n, n);
            _chirpSums[i] = ComplexMath.Dtft(chirp, gUp, n);
            energy += ComplexMath.Energy(chirp);
            coherent += _chirpSums[i].Magnitude * _chirpSums[i].Magnitude;
            if (i > 0)
            {
                lagSum += _chirpSums[i] * System.Numerics.Complex.Conjugate(_chirpSums[i - 1]);
            }
        }

        var nu0 = lagSum.Phase / (2 * Math.PI);
        var sequence = new CoherentSequence(_chirpSums, p);
        var nu = ComplexMath.Maximize(ref sequence, nu0 - 0.2, nu0 + 0.2, 1e-5);
        var coarse = (gUp + gDown) / 2;
        var cfo = nu + Math.Round(coarse - nu);

        var e = energy / (p * n);
        var z = coherent / p / ((double)n * n);
        var noise = Math.Max((e - z) * n / (n - 1), 1e-30);
        var signal = Math.Max(e - noise, 0);

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
        return new FineEstimate(cfo, (gDown - gUp) / 2, gUp, signal / noise, first, second, -slope);
    }

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
