using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using MathNet.Numerics;
using RfFingerprint.Lora.Demodulation;
using RfFingerprint.Lora.Dsp;

namespace RfFingerprint.Lora.Synchronization;

/// <summary>
/// Settles the joint integer ambiguity (CFO + j bins, SFD start + j chips) that the preamble's up-chirps cannot see, from
/// the SFD's down-chirps in a span of windows placed on the chip grid the preamble implies.
/// </summary>
/// <remarks>
/// <para>The caller knows the up tone k_up = CFO + (g − T) mod N (g: a detection window start, T: the SFD start) and the
/// CFO's fraction ν, hence a position t0 ≡ T − j (mod N) whose fraction is T's (refined by <see cref="GridError"/>).
/// <see cref="Measure"/> channelises the raw stream with ν removed in windows t0 + i·N, i = −<see cref="SpanWindows"/> to
/// +<see cref="SpanWindows"/>. There the SFD (one periodic down-chirp 2.25 symbols long) dechirps to a single tone at the
/// integer bin 2j in every window it overlaps, with the same phase in each (the tone advances by whole turns per window),
/// and without the phase step at the frequency wrap that splits the tone in windows off the chip grid.</para>
/// <para><see cref="Best"/> scores every hypothesis (j, m), SFD at t0 + j + m·N, with the windows' bins added coherently,
/// weighted by the share c_i of window i the SFD covers (|Σ c_i·Z_i(2j)|² / Σ c_i²), then re-scores the best
/// <see cref="Finalists"/> on exactly the SFD's samples (the coherent DTFT over its 2.25 symbols): about 2.25·N·SNR for the
/// right hypothesis, exponential with mean 1 (in noise units) for a wrong one.</para>
/// Allocation-free after construction; not thread-safe.
/// </remarks>
internal sealed class SfdSpanSearch
{
    /// <summary>Windows each side of t0: the SFD may start from 3 symbols before t0 to about 2 after.</summary>
    public const int SpanWindows = 3;

    private const int WindowCount = (2 * SpanWindows) + 1;
    // Hypotheses re-scored on exactly the SFD's samples: the window statistic ranks the right one among the first few.
    private const int Finalists = 8;
    private const double SfdSymbols = 2.25;

    private readonly int _chips;
    private readonly int _oversampling;
    private readonly double _binSpacingHz;
    private readonly int _preambleWindows;
    private readonly BurstChannelizer _channelizer;
    private readonly FftDemodulator _demodulator;
    private readonly Radix2Fft _fft;
    private readonly Complex32[] _upReference;
    private readonly Complex32[] _window;
    private readonly Complex32[] _dechirped;
    private readonly Complex32[][] _spectra;
    private readonly Complex32[] _preambleSum;
    private readonly float[] _preamblePower;
    private readonly bool[] _present = new bool[WindowCount];
    private readonly float[] _coverage = new float[WindowCount];
    private readonly double[] _finalistScores = new double[Finalists];
    private readonly double[] _finalistStarts = new double[Finalists];

    /// <summary>Creates the search for 2^<paramref name="spreadingFactor"/> chips, sharing the burst's channeliser.</summary>
    /// <param name="spreadingFactor">Spreading factor.</param>
    /// <param name="oversampling">Raw samples per chip.</param>
    /// <param name="binSpacingHz">One bin (BW / 2^SF) in Hz.</param>
    /// <param name="channelizer">The burst channeliser (raw history → one sample per chip at any fractional start).</param>
    /// <param name="preambleWindows">Preamble windows <see cref="GridError"/> reads (the detector's integration length).</param>
    public SfdSpanSearch(int spreadingFactor, int oversampling, double binSpacingHz, BurstChannelizer channelizer, int preambleWindows)
    {
        _chips = 1 << spreadingFactor;
        _oversampling = oversampling;
        _binSpacingHz = binSpacingHz;
        _preambleWindows = preambleWindows;
        _channelizer = channelizer;
        _demodulator = new FftDemodulator(spreadingFactor);
        _fft = new Radix2Fft(_chips);
        _upReference = new Complex32[_chips];
        ReferenceChirp.UpChirp(_upReference);
        _window = new Complex32[_chips];
        _dechirped = new Complex32[WindowCount * _chips];
        _spectra = new Complex32[WindowCount][];
        for (var i = 0; i < WindowCount; i++)
        {
            _spectra[i] = new Complex32[_chips];
        }

        _preambleSum = new Complex32[_chips];
        _preamblePower = new float[_chips];
    }

    /// <summary>
    /// How far (chips, −0.5 to 0.5) <paramref name="t0"/>'s fraction is from the chip grid, measured on the preamble windows
    /// starting at <paramref name="firstWindow"/> (decimated index) channelised at t0's fraction with <paramref name="nu"/>
    /// removed: there the up tone sits at j + (t0 − T), an integer plus the error. Null when the windows have left the history.
    /// </summary>
    /// <remarks>
    /// The detector's peak bin comes from windows off the chip grid, where each chirp's frequency wrap splits the dechirped
    /// tone into two parts with a phase step between them, which pulls the peak. On the grid, with the CFO's fraction
    /// removed, the preamble windows are identical copies whose spectra add coherently; Jacobsen's three-bin estimator
    /// (IEEE SP Magazine 2007) on the sum gives the residual.
    /// </remarks>
    public double? GridError(SampleRing raw, long firstWindow, double t0, double nu)
    {
        var cfoHz = nu * _binSpacingHz;
        var fraction = t0 - Math.Floor(t0);
        var phaseReference = firstWindow * _oversampling;
        var sum = _preambleSum.AsSpan();
        sum.Clear();
        var sumFloats = MemoryMarshal.Cast<Complex32, float>(sum);
        for (var i = 0; i < _preambleWindows; i++)
        {
            var start = (firstWindow + ((double)i * _chips) + fraction) * _oversampling;
            if (!_channelizer.Channelize(raw, start, cfoHz, phaseReference, _window))
            {
                return null;
            }

            _demodulator.DemodulateUp(_window);
            TensorPrimitives.Add(sumFloats, MemoryMarshal.Cast<Complex32, float>(_demodulator.Spectrum), sumFloats);
        }

        ComplexMath.Power(sum, _preamblePower);
        var peak = TensorPrimitives.IndexOfMax(_preamblePower);
        var mask = _chips - 1;
        var left = sum[(peak - 1) & mask];
        var right = sum[(peak + 1) & mask];
        var denominator = (2 * sum[peak]) - left - right;
        return denominator.MagnitudeSquared > 0 ? Math.Clamp(((left - right) / denominator).Real, -0.5, 0.5) : 0;
    }

    /// <summary>One past the last raw sample <see cref="Measure"/> reads for <paramref name="t0"/> (decimated units).</summary>
    public long EndRawIndex(double t0) => _channelizer.EndRawIndex((t0 + ((double)SpanWindows * _chips)) * _oversampling, _chips);

    /// <summary>
    /// Channelises the span around <paramref name="t0"/> (decimated units) with <paramref name="cfoBins"/> removed, keeps each
    /// window dechirped by the up-chirp and its spectrum.
    /// </summary>
    /// <returns>False when none of the span is in <paramref name="raw"/>.</returns>
    public bool Measure(SampleRing raw, double t0, double cfoBins)
    {
        var cfoHz = cfoBins * _binSpacingHz;
        var phaseReference = (long)Math.Floor(t0 * _oversampling);
        var any = false;
        for (var i = 0; i < WindowCount; i++)
        {
            var start = (t0 + ((double)(i - SpanWindows) * _chips)) * _oversampling;
            _present[i] = _channelizer.Channelize(raw, start, cfoHz, phaseReference, _window);
            if (!_present[i])
            {
                continue;
            }

            any = true;
            var dechirped = _dechirped.AsSpan(i * _chips, _chips);
            ComplexMath.Multiply(_window, _upReference, dechirped);
            dechirped.CopyTo(_spectra[i]);
            _fft.Forward(_spectra[i]);
        }

        return any;
    }

    /// <summary>
    /// The best hypothesis among shifts j = bin/2 + <paramref name="aliasBins"/> (wrapped to ±N/2) whose CFO
    /// <paramref name="nu"/> + j lies within ±<paramref name="maxAbsCfoBins"/>, and SFD starts t0 + j + m·N, m = −3 to 2.
    /// </summary>
    /// <returns>j (bins, = chips) and its score (SFD energy over noise per sample; −∞ when no hypothesis qualified).</returns>
    public (double Shift, double Score) Best(double nu, double aliasBins, double maxAbsCfoBins)
    {
        var n = _chips;
        Array.Fill(_finalistScores, double.NegativeInfinity);
        for (var k = 0; k < n; k++)
        {
            var shift = Wrap((Wrap(k, n) / 2) + aliasBins, n);
            if (Math.Abs(nu + shift) > maxAbsCfoBins)
            {
                continue;
            }

            for (var m = -SpanWindows; m < SpanWindows; m++)
            {
                SetCoverage(shift + ((double)m * n));
                float re = 0, im = 0, weights = 0;
                for (var i = 0; i < WindowCount; i++)
                {
                    var c = _coverage[i];
                    if (_present[i] && c > 0)
                    {
                        var z = _spectra[i][k];
                        re += c * z.Real;
                        im += c * z.Imaginary;
                        weights += c * c;
                    }
                }

                if (weights > 0)
                {
                    Admit(((re * re) + (im * im)) / weights, shift + ((double)m * n));
                }
            }
        }

        // Final choice on the SFD's own samples: the window statistic also counts the noise of the parts of partly
        // covered windows outside the SFD (about 0.7 dB at the usual shares), and at the lowest SNR that decides.
        var meanSamplePower = MeanBinPower() / n;
        double bestStart = 0, bestScore = double.NegativeInfinity;
        for (var f = 0; f < Finalists; f++)
        {
            if (double.IsNegativeInfinity(_finalistScores[f]))
            {
                continue;
            }

            var score = ExactScore(_finalistStarts[f]) / meanSamplePower;
            if (score > bestScore)
            {
                (bestStart, bestScore) = (_finalistStarts[f], score);
            }
        }

        return (bestStart - (Math.Floor((bestStart + (n / 2.0)) / n) * n), bestScore);
    }

    /// <summary>Keeps the <see cref="Finalists"/> highest-scoring SFD starts (chips from t0).</summary>
    private void Admit(double score, double start)
    {
        var weakest = 0;
        for (var f = 1; f < Finalists; f++)
        {
            if (_finalistScores[f] < _finalistScores[weakest])
            {
                weakest = f;
            }
        }

        if (score > _finalistScores[weakest])
        {
            (_finalistScores[weakest], _finalistStarts[weakest]) = (score, start);
        }
    }

    /// <summary>
    /// |Σ d[n]·exp(−j2π·2j·n/N)|² / L over the L dechirped span samples an SFD starting at <paramref name="start"/> (chips
    /// from t0; j = start mod N, wrapped to ±N/2) covers; −∞ when part of it is missing from the span.
    /// </summary>
    private double ExactScore(double start)
    {
        var n = _chips;
        var shift = start - (Math.Floor((start + (n / 2.0)) / n) * n);
        var from = Math.Max((int)Math.Round(start) + (SpanWindows * n), 0);
        var to = Math.Min((int)Math.Round(start + (SfdSymbols * n)) + (SpanWindows * n), WindowCount * n);
        if (to - from < n)
        {
            return double.NegativeInfinity;
        }

        for (var i = from / n; i <= (to - 1) / n; i++)
        {
            if (!_present[i])
            {
                return double.NegativeInfinity;
            }
        }

        // Each window was dechirped from its own start; for an integer 2j the tone still runs on in phase across them.
        var z = ComplexMath.Dtft(_dechirped.AsSpan(from, to - from), 2 * shift, n);
        return ((z.Real * z.Real) + (z.Imaginary * z.Imaginary)) / (to - from);
    }

    /// <summary>Share of each window (i·N to (i + 1)·N relative to t0) covered by an SFD starting at <paramref name="sfd"/>.</summary>
    private void SetCoverage(double sfd)
    {
        var end = sfd + (SfdSymbols * _chips);
        for (var i = 0; i < WindowCount; i++)
        {
            var from = (double)(i - SpanWindows) * _chips;
            var overlap = Math.Min(end, from + _chips) - Math.Max(sfd, from);
            _coverage[i] = overlap > 0 ? (float)(overlap / _chips) : 0;
        }
    }

    private double MeanBinPower()
    {
        double total = 0;
        var count = 0;
        for (var i = 0; i < WindowCount; i++)
        {
            if (_present[i])
            {
                total += ComplexMath.Energy(_spectra[i]);
                count += _chips;
            }
        }

        return total > 0 ? total / count : 1;
    }

    private static double Wrap(double bins, int n)
    {
        var m = bins % n;
        m = m < 0 ? m + n : m;
        return m > n / 2.0 ? m - n : m;
    }
}
