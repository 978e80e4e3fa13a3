using MathNet.Numerics;
using RfFingerprint.Lora.Coding;
using RfFingerprint.Lora.Demodulation;
using RfFingerprint.Lora.Dsp;
using RfFingerprint.Lora.Modulation;
using RfFingerprint.Lora.Receiver;

namespace RfFingerprint.Lora.Synchronization;

/// <summary>
/// Detection, synchronisation and demodulation of one spreading factor over a continuous stream, as a state machine
/// (<see cref="SynchronizerState"/>): Searching → AwaitingSfd → Refining → Demodulating → Searching.
/// </summary>
/// <remarks>
/// <para>Searching/AwaitingSfd run on the shared decimated stream (one sample per chip, not CFO-compensated): the
/// detector finds the preamble's up tone k_up = CFO + (g − T) (g: window grid, T: SFD start; SIGNALS.md), and a window
/// whose down-chirp peak stands out marks roughly where the SFD is (or, if none does, the place two sync chirps after
/// the preamble). Locating then settles the rest on the chip grid: the CFO's fraction from the preamble's phase advance,
/// the joint integer (CFO + j, T + j) from the SFD's down-chirps (<see cref="SfdSpanSearch"/>), and the whole symbol and
/// the CFO ± N/2 alias (<see cref="LoraReceiverOptions.WideCfoSearch"/>) by correlating against the frame's known
/// structure: last preamble chirp, the two sync-word chirps and the two full down-chirps.</para>
/// <para>Refining channelises the preamble again from the raw history with the coarse CFO removed before the
/// anti-alias filter and runs <see cref="PreambleEstimator"/> for fine CFO, fractional timing and SNR, then checks the
/// sync word and copies the raw (uncompensated) preamble for fingerprinting.</para>
/// <para>Demodulating channelises each payload chirp at its estimated start and demodulates it; a second-order
/// decision-directed timing loop on the decided shift's wrap phase tracks sample-clock offset over long frames.</para>
/// Memory is fixed at construction; nothing is allocated per window or per symbol. Not thread-safe.
/// </remarks>
public sealed class FrameSynchronizer
{
    // Proportional-integral timing loop: the integral tracks the drift per symbol a sample-clock offset causes.
    // Gains are small because the drift is initialised from the preamble; the loop only refines it.
    private const double TimingGain = 0.1;
    private const double DriftGain = 0.005;
    private const double MaxClockOffset = 50e-6;
    // Noise gives about 15–20 after maximising over hypotheses and corrections; a real frame at its SNR limit about 80+.
    private const double MinimumStructureMetric = 35;
    private const int MaxRefineAttempts = 2;
    // A neighbouring bin this strong (relative to the peak) in the preamble's spread marks a non-linear transmitter sweep;
    // an ideal chirp's leakage, even at 30 dB and with a clock offset smearing the preamble, stays far below.
    private const float NonLinearSideWeight = 0.25f;
    // Windows after the preamble's strongest one by which a seen SFD would have been taken (2 sync chirps, 2.25 down-chirps).
    private const int SfdFallbackWindows = 6;
    // Bins each side of the up tone over which the preamble's phase advance is read (a split tone's energy stays there).
    private const int ToneHalfWidthBins = 2;
    // Known chirps the structure metric reads: last preamble chirp, two sync-word chirps, two full down-chirps.
    private const int StructureChirps = 5;

    private readonly LoraReceiverOptions _options;
    private readonly LoraParameters _parameters;
    private readonly int _chips;
    private readonly int _samplesPerSymbol;
    private readonly int _oversampling;
    private readonly int _preambleSymbols;
    private readonly FftDemodulator _demodulator;
    private readonly BurstDetector _detector;
    private readonly PreambleEstimator _estimator;
    private readonly BurstChannelizer _channelizer;
    private readonly LoraCodec _codec;
    private readonly Complex32[] _window;
    private readonly Complex32[] _aligned;
    private readonly Complex32[] _upReference;
    private readonly Complex32[] _downReference;
    private readonly Complex32[] _structureChirps;
    private readonly float[] _structureEnergies = new float[StructureChirps];
    private readonly int[] _shifts;
    private readonly byte[] _payload = new byte[255];
    private readonly Complex32[] _preamble;
    private readonly int _syncFirst;
    private readonly int _syncSecond;
    private readonly float[][] _downSpectra;
    private readonly float[] _downSum;
    private readonly SfdSpanSearch _span;
    private readonly Complex32[] _previousSpectrum = new Complex32[(2 * ToneHalfWidthBins) + 1];
    private readonly float[] _binWeights = new float[(2 * PreambleEstimator.DataWeightHalfWidth) + 1];
    private readonly float[] _weightedScores;
    private bool _weightedDemodulation;
    private bool _nonLinearSweep;

    private long _nextWindow;
    private int _windowsSinceDetection;
    private bool _sfdPending;
    private double _lastDownWindowRatio;
    private double _previousDownWindowRatio;
    private double _previousUpWindowRatio;
    private double _upBin;
    private double _bestRatio;
    private long _bestWindow;
    private bool _fallbackTried;
    private bool _fallbackActive;
    private long _fallbackResume;
    private long _sfdWindow;
    private double _sfdRatio;
    private bool _located;
    private bool _locatedPlausibly;
    private int _refineAttempts;
    private double _frameSfdDecimated;
    private double _coarseCfoBins;

    private double _dataStartRaw;
    private double _cfoHz;
    private long _burstStart;
    private double _stoSamples;
    private double _snrDb;
    private byte _syncWord;
    private int _symbolIndex;
    private int _symbolsNeeded;
    private bool _headerKnown;
    private LoraHeader _header;
    private double _timingChips;
    private double _driftChipsPerSymbol;
    private int _correctedBits;
    private bool _trackTiming;

    /// <summary>Creates the synchroniser for <paramref name="spreadingFactor"/> using the shared anti-alias design.</summary>
    public FrameSynchronizer(LoraReceiverOptions options, int spreadingFactor, FirDecimator decimator)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(decimator);
        _options = options;
        _parameters = options.ToParameters(spreadingFactor).Validate();
        _chips = _parameters.ChipsPerSymbol;
        _samplesPerSymbol = _parameters.SamplesPerSymbol;
        _oversampling = _parameters.Oversampling;
        _preambleSymbols = options.PreambleSymbols;
        _demodulator = new FftDemodulator(spreadingFactor);
        _detector = new BurstDetector(new FftDemodulator(spreadingFactor), options.DetectionWindows, options.DetectionThreshold);
        _estimator = new PreambleEstimator(spreadingFactor, _preambleSymbols, _demodulator);
        _channelizer = new BurstChannelizer(decimator, _parameters.SampleRateHz, _chips);
        _codec = new LoraCodec(_parameters);
        _window = new Complex32[_chips];
        _aligned = new Complex32[_estimator.InputLength];
        _upReference = new Complex32[_chips];
        _downReference = new Complex32[_chips];
        ReferenceChirp.UpChirp(_upReference);
        ReferenceChirp.DownChirp(_downReference);
        _structureChirps = new Complex32[StructureChirps * _chips];
        _weightedScores = new float[_chips];
        _shifts = new int[new LoraCodec(_parameters with { ImplicitHeader = false, CodingRate = 4, HasCrc = true }).SymbolCount(255) + 8];
        _preamble = new Complex32[_preambleSymbols * _samplesPerSymbol];
        (_syncFirst, _syncSecond) = LoraFrameBuilder.SyncWordShifts(options.SyncWord);
        _downSpectra = [new float[_chips], new float[_chips], new float[_chips], new float[_chips]];
        _downSum = new float[_chips];
        _span = new SfdSpanSearch(spreadingFactor, _oversampling, _parameters.BinSpacingHz, _channelizer, options.DetectionWindows);
    }

    /// <summary>Spreading factor handled.</summary>
    public int SpreadingFactor => _parameters.SpreadingFactor;

    /// <summary>Current state.</summary>
    public SynchronizerState State { get; private set; }

    /// <summary>Restarts the search at decimated index <paramref name="decimatedIndex"/>, forgetting any burst in progress.</summary>
    public void Restart(long decimatedIndex)
    {
        State = SynchronizerState.Searching;
        _detector.Reset();
        _nextWindow = decimatedIndex;
        _sfdPending = false;
        _located = false;
    }

    /// <summary>
    /// Consumes what the histories hold until it reports a burst (returned) or needs more samples (null).
    /// </summary>
    public LoraBurst? Advance(SampleRing raw, SampleRing decimated, LoraReceiverStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(decimated);
        ArgumentNullException.ThrowIfNull(statistics);
        while (true)
        {
            switch (State)
            {
                case SynchronizerState.Searching:
                case SynchronizerState.AwaitingSfd:
                    if (_nextWindow < decimated.Start)
                    {
                        Restart(decimated.Start);
                    }

                    if (_nextWindow + _chips > decimated.End)
                    {
                        return null;
                    }

                    decimated.CopyTo(_nextWindow, _window);
                    ProcessWindow(decimated, statistics);
                    _nextWindow += _chips;
                    break;

                case SynchronizerState.Refining:
                    if (!_located)
                    {
                        if (decimated.End < _sfdWindow + (5 * _chips) + 1)
                        {
                            return null;
                        }

                        if (!Locate(raw, decimated))
                        {
                            return null;
                        }

                        if (!_locatedPlausibly)
                        {
                            ResumeSfdSearch(decimated);
                            break;
                        }
                    }

                    var first = (_frameSfdDecimated * _oversampling) - ((double)(_preambleSymbols + 2) * _samplesPerSymbol);
                    var last = first + ((double)(_preambleSymbols + 3) * _samplesPerSymbol);
                    if (_channelizer.EndRawIndex(last, _chips) + _samplesPerSymbol > raw.End)
                    {
                        return null;
                    }

                    if (!Refine(raw, first, statistics))
                    {
                        // Most failures come from a noise window taken for the SFD while still in the preamble: keep
                        // looking for the SFD after that window rather than dropping the preamble.
                        ResumeSfdSearch(decimated);
                    }

                    break;

                case SynchronizerState.Demodulating:
                    var start = _dataStartRaw + ((double)_symbolIndex * _samplesPerSymbol) + (_timingChips * _oversampling);
                    if (_channelizer.EndRawIndex(start, _chips) > raw.End)
                    {
                        return null;
                    }

                    var burst = DemodulateSymbol(raw, start, statistics);
                    if (burst is not null)
                    {
                        Restart(Math.Max(decimated.Start, (long)(start + _samplesPerSymbol) / _oversampling));
                        return burst;
                    }

                    break;
            }
        }
    }

    /// <summary>Ends a burst in progress: a synchronised one is reported as truncated; otherwise null.</summary>
    public LoraBurst? Abort(LoraReceiverStatistics statistics, BurstStatus status = BurstStatus.Truncated)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        LoraBurst? burst = null;
        if (State == SynchronizerState.Demodulating)
        {
            burst = Report(status, null, statistics);
        }

        Restart(_nextWindow);
        return burst;
    }

    private void ProcessWindow(SampleRing decimated, LoraReceiverStatistics statistics)
    {
        var candidate = _detector.Push(_window, State == SynchronizerState.AwaitingSfd);
        if (State == SynchronizerState.Searching)
        {
            if (candidate.Ratio > _detector.Threshold)
            {
                State = SynchronizerState.AwaitingSfd;
                _upBin = candidate.PeakBin;
                _bestRatio = candidate.Ratio;
                _bestWindow = _nextWindow;
                _fallbackTried = false;
                _fallbackActive = false;
                _windowsSinceDetection = 0;
                _refineAttempts = 0;
                _previousDownWindowRatio = 0;
                _previousUpWindowRatio = candidate.Ratio;
                foreach (var spectrum in _downSpectra)
                {
                    Array.Clear(spectrum);
                }

                statistics.Detections++;
            }

            return;
        }

        if (candidate.Ratio > _bestRatio)
        {
            _upBin = candidate.PeakBin;
            _bestRatio = candidate.Ratio;
            _bestWindow = _nextWindow;
        }

        // SFD: down-chirp spectra of two consecutive windows are summed (non-coherent), once on the bin grid and once
        // shifted by half a bin so a tone between bins loses no energy; a window only counts when its down-chirp peak
        // beats its own up-chirp peak, which rejects preamble and sync-word windows.
        var ratio = Math.Max(DownPeak(0, 0), DownPeak(0.5, 2));

        // Compare the last two windows' single-window ratios so one noisy window does not veto a weak SFD.
        var downBeatsUp = _lastDownWindowRatio + _previousDownWindowRatio > _detector.LastWindowRatio + _previousUpWindowRatio;
        _previousDownWindowRatio = _lastDownWindowRatio;
        _previousUpWindowRatio = _detector.LastWindowRatio;
        _windowsSinceDetection++;
        var isSfd = _windowsSinceDetection > 1 && ratio > _options.SfdThreshold && downBeatsUp;
        if (_sfdPending)
        {
            // The window after the first crossing often covers the down-chirps better: keep the stronger estimate.
            if (isSfd && ratio > _sfdRatio)
            {
                (_sfdWindow, _sfdRatio) = (_nextWindow, ratio);
            }

            EnterRefining();
            return;
        }

        if (isSfd)
        {
            (_sfdWindow, _sfdRatio) = (_nextWindow, ratio);
            _sfdPending = true;
            return;
        }

        // No window looked like the SFD some symbols after the preamble's strongest window: at the lowest SNR the SFD's
        // windows, off the chip grid, can lose most of their peak (the split at the chirps' frequency wrap). The span
        // search in Locate works on the chip grid and needs only roughly where the SFD is: two sync chirps after the
        // preamble. Tried once per detection, before the preamble leaves the history.
        if (!_fallbackTried && _nextWindow >= _bestWindow + (SfdFallbackWindows * _chips))
        {
            _fallbackTried = true;
            _fallbackActive = true;
            _fallbackResume = _nextWindow + _chips;
            (_sfdWindow, _sfdRatio) = (_bestWindow + (3 * _chips), 0);
            EnterRefining();
            return;
        }

        if (_windowsSinceDetection > (2 * _preambleSymbols) + 8)
        {
            statistics.SfdTimeouts++;
            Restart(_nextWindow);
        }
    }

    private double DownPeak(double residualBins, int slot)
    {
        var estimate = _demodulator.DemodulateDown(_window, residualBins);
        var noise = (estimate.TotalPower - estimate.PeakPower) / (_chips - 1);
        var windowRatio = noise > 0 ? estimate.PeakPower / noise : 0;
        _lastDownWindowRatio = slot == 0 ? windowRatio : Math.Max(_lastDownWindowRatio, windowRatio);

        // Slots (0,1) and (2,3) alternate between current and previous window for each grid offset.
        var current = _downSpectra[slot + (int)(_windowsSinceDetection & 1)];
        var previous = _downSpectra[slot + (int)((_windowsSinceDetection + 1) & 1)];
        _demodulator.PowerSpectrum.CopyTo(current);
        var sum = _downSum.AsSpan();
        System.Numerics.Tensors.TensorPrimitives.Add(current, previous, sum);
        var peak = System.Numerics.Tensors.TensorPrimitives.IndexOfMax(sum);
        var mask = _chips - 1;
        var left = sum[(peak - 1) & mask];
        var center = sum[peak];
        var right = sum[(peak + 1) & mask];
        var noiseMean = (System.Numerics.Tensors.TensorPrimitives.Sum(sum) - left - center - right) / (_chips - 3);
        return noiseMean > 0 ? center / noiseMean : 0;
    }

    private void ResumeSfdSearch(SampleRing decimated)
    {
        if (_fallbackActive)
        {
            // The fallback guessed the SFD's place; nothing was found there, so the search goes on as it was.
            _fallbackActive = false;
            State = SynchronizerState.AwaitingSfd;
            _sfdPending = false;
            _located = false;
            _nextWindow = Math.Max(_fallbackResume, decimated.Start);
            return;
        }

        if (++_refineAttempts >= MaxRefineAttempts)
        {
            Restart(Math.Max(_sfdWindow + _chips, decimated.Start));
            return;
        }

        State = SynchronizerState.AwaitingSfd;
        _sfdPending = false;
        _located = false;
        _nextWindow = Math.Max(_sfdWindow + _chips, decimated.Start);
        _previousDownWindowRatio = 0;
        _previousUpWindowRatio = _detector.Threshold;
        foreach (var spectrum in _downSpectra)
        {
            Array.Clear(spectrum);
        }
    }

    private void EnterRefining()
    {
        State = SynchronizerState.Refining;
        _located = false;
    }

    /// <summary>Chooses the SFD position and coarse CFO among the structural hypotheses; false while the raw history lacks the SFD span.</summary>
    /// <remarks>
    /// The up tone fixes k_up = CFO + (g − T) mod N (g: the detection window grid, T: the SFD start) and the phase advance
    /// between the preamble's windows fixes the CFO's fraction ν, hence T's fraction. What remains is the joint integer
    /// ambiguity (CFO + j, T + j), which the up-chirps cannot see and the SFD's down-chirps resolve
    /// (<see cref="SfdSpanSearch"/>). The ±N/2 alias, which the down-chirps cannot see either, is settled by the sync word
    /// through <see cref="StructureMetric"/>, which also refines the fractions.
    /// </remarks>
    private bool Locate(SampleRing raw, SampleRing decimated)
    {
        var n = _chips;
        var nu = PreambleFrequencyFraction(decimated);
        var t0 = _sfdWindow - Modulo(_upBin - nu, n);
        if (_span.EndRawIndex(t0) > raw.End)
        {
            return false;
        }

        if (_span.GridError(raw, _bestWindow - ((long)(_options.DetectionWindows - 1) * n), t0, nu) is { } gridError)
        {
            t0 -= gridError;
        }

        _located = true;
        _locatedPlausibly = false;
        if (!_span.Measure(raw, t0, nu))
        {
            return true;
        }

        var wide = _options.WideCfoSearch && !_options.AcceptAnySyncWord;
        var bestMetric = double.NegativeInfinity;
        var bestScore = double.NegativeInfinity;
        for (var alias = 0; alias < 2; alias++)
        {
            var (shift, score) = _span.Best(nu, alias * n / 2.0, wide ? n / 2.0 : n / 4.0);
            if (double.IsNegativeInfinity(score) || (!wide && score <= bestScore))
            {
                continue;
            }

            // The down-chirps give j; which whole symbol the SFD starts on is best told by the frame's other known
            // chirps too (last preamble chirp and sync word against the down-chirps): the structure metric over m.
            // Without the wide search the two aliases cover disjoint CFO ranges and the down-chirps choose between them;
            // with it they put the down-chirps on the same bin, and only the sync word tells them apart.
            var tau = Modulo(t0 + shift - _sfdWindow, n);
            if (!wide)
            {
                bestMetric = double.NegativeInfinity;
            }

            bestScore = Math.Max(bestScore, score);
            for (var m = -1; m <= 3; m++)
            {
                var (metric, correctedCfo, correctedSfd) = StructureMetric(decimated, _sfdWindow + tau - (m * n), nu + shift);
                if (metric > bestMetric)
                {
                    bestMetric = metric;
                    _frameSfdDecimated = correctedSfd;
                    _coarseCfoBins = correctedCfo;
                }
            }
        }

        // Each of the (up to five) terms is about N·SNR for the right hypothesis and about 1 for noise; a burst of
        // another spreading factor or a noise "SFD" stays far below this.
        _locatedPlausibly = bestMetric > MinimumStructureMetric;
        return true;
    }

    /// <summary>
    /// The CFO's fractional part (bins, −0.5 to 0.5) from the phase advance between consecutive preamble windows of the
    /// detection: one symbol apart, the whole periodic preamble advances by 2π·CFO whatever the window alignment.
    /// 0 when those windows have left the history.
    /// </summary>
    /// <remarks>
    /// The advance is read on the bins around the up tone (Σ_k X_{i+1}[k]·conj(X_i[k]) over k_up ± <see cref="ToneHalfWidthBins"/>),
    /// not on the tone's own bin: off the chip grid a chirp's frequency wrap splits the dechirped tone into two parts with a
    /// phase step of 2π times the timing fraction between them, which near half a chip can cancel the tone's bin almost
    /// entirely while its energy stays in the bins next to it.
    /// </remarks>
    private double PreambleFrequencyFraction(SampleRing decimated)
    {
        var mask = _chips - 1;
        var centre = (int)Math.Round(_upBin);
        System.Numerics.Complex lagSum = 0;
        var havePrevious = false;
        for (var i = 1 - _options.DetectionWindows; i <= 0; i++)
        {
            var start = _bestWindow + ((long)i * _chips);
            if (!decimated.Contains(start, _chips))
            {
                havePrevious = false;
                continue;
            }

            decimated.CopyTo(start, _window);
            _demodulator.DemodulateUp(_window);
            var spectrum = _demodulator.Spectrum;
            for (var k = -ToneHalfWidthBins; k <= ToneHalfWidthBins; k++)
            {
                var bin = (centre + k) & mask;
                var current = spectrum[bin];
                if (havePrevious)
                {
                    var previous = _previousSpectrum[k + ToneHalfWidthBins];
                    lagSum += new System.Numerics.Complex(
                        (current.Real * previous.Real) + (current.Imaginary * previous.Imaginary),
                        (current.Imaginary * previous.Real) - (current.Real * previous.Imaginary));
                }

                _previousSpectrum[k + ToneHalfWidthBins] = current;
            }

            havePrevious = true;
        }

        return lagSum.Phase / (2 * Math.PI);
    }

    /// <summary>
    /// Energy of the frame's known chirps (last preamble chirp, sync word, two down-chirps) under one hypothesis.
    /// The coarse bins carry errors of a fraction of a bin; a CFO error shifts up- and down-chirp tones alike, a timing
    /// error shifts them oppositely, so the up-chirp and down-chirp groups are each maximised over their own tone
    /// correction (±1 bin). Returns the metric and the corrected CFO (bins) and SFD position (chips).
    /// </summary>
    private (double Metric, double CfoBins, double Sfd) StructureMetric(SampleRing decimated, double sfd, double cfoBins)
    {
        var n = _chips;
        var start = (long)Math.Round(sfd);
        var fraction = sfd - start;
        if (!decimated.Contains(start - (3 * n), 5 * n))
        {
            return (double.NegativeInfinity, cfoBins, sfd);
        }

        // Each known chirp is dechirped once; only the DTFT's frequency changes with the correction.
        for (var k = 0; k < StructureChirps; k++)
        {
            var isSyncChirp = k is 1 or 2;
            if (isSyncChirp && _options.AcceptAnySyncWord)
            {
                continue;
            }

            var chirp = _structureChirps.AsSpan(k * n, n);
            decimated.CopyTo(start + ((k - 3) * n), chirp);
            _structureEnergies[k] = ComplexMath.Energy(chirp);
            ComplexMath.Multiply(chirp, k < 3 ? _downReference : _upReference, chirp);
        }

        var bestUp = (Energy: double.NegativeInfinity, Correction: 0.0);
        var bestDown = (Energy: double.NegativeInfinity, Correction: 0.0);
        for (var correction = -1.0; correction <= 1.0; correction += 0.25)
        {
            var up = cfoBins - fraction + correction;
            var upEnergy = Correlation(0, up);
            if (!_options.AcceptAnySyncWord)
            {
                upEnergy += Correlation(1, up + _syncFirst) + Correlation(2, up + _syncSecond);
            }

            var down = cfoBins + fraction + correction;
            var downEnergy = Correlation(3, down) + Correlation(4, down);
            if (upEnergy > bestUp.Energy)
            {
                bestUp = (upEnergy, correction);
            }

            if (downEnergy > bestDown.Energy)
            {
                bestDown = (downEnergy, correction);
            }
        }

        return (bestUp.Energy + bestDown.Energy, cfoBins + ((bestUp.Correction + bestDown.Correction) / 2), sfd + ((bestDown.Correction - bestUp.Correction) / 2));
    }

    /// <summary>
    /// |DTFT|² at <paramref name="bin"/> of known chirp <paramref name="chirpIndex"/> as <see cref="StructureMetric"/> dechirped
    /// it, divided by the chirp's energy: about N·SNR/(1 + SNR) for a matching chirp, about 1 for noise or a mismatched chirp.
    /// </summary>
    private double Correlation(int chirpIndex, double bin)
    {
        var energy = _structureEnergies[chirpIndex];
        var z = ComplexMath.Dtft(_structureChirps.AsSpan(chirpIndex * _chips, _chips), bin, _chips);
        return energy > 0 ? ((z.Real * z.Real) + (z.Imaginary * z.Imaginary)) / energy : 0;
    }

    private bool Refine(SampleRing raw, double first, LoraReceiverStatistics statistics)
    {
        var binHz = _parameters.BinSpacingHz;
        var coarseHz = _coarseCfoBins * binHz;
        for (var k = 0; k < _preambleSymbols + 4; k++)
        {
            if (!_channelizer.Channelize(raw, first + ((double)k * _samplesPerSymbol), coarseHz, (long)first, _aligned.AsSpan(k * _chips, _chips)))
            {
                return false;
            }
        }

        // Below SF9 a ±50 ppm clock moves a chirp by less than 0.013 chip per symbol, far under what 8 chirps resolve.
        var fine = _estimator.Estimate(_aligned, estimateDrift: MaxClockOffset * _chips > 0.02);
        var cfoBins = _coarseCfoBins + fine.CfoBins;
        var sfdRaw = first + ((double)(_preambleSymbols + 2) * _samplesPerSymbol) + (fine.TimingChips * _oversampling);
        var syncWord = (byte)((((int)Math.Round(fine.FirstSyncBin / 8.0) & 0xF) << 4) | ((int)Math.Round(fine.SecondSyncBin / 8.0) & 0xF));
        var syncMatches = SyncChirpMatches(_preambleSymbols, _syncFirst, fine.UpToneBins) && SyncChirpMatches(_preambleSymbols + 1, _syncSecond, fine.UpToneBins);
        // Far below any SNR this SF can decode (−2.5·SF + 10 dB, Semtech datasheets) with a 6 dB margin: not a frame.
        var snrFloorDb = (-2.5 * _parameters.SpreadingFactor) + 10 - 6;
        if (10 * Math.Log10(Math.Max(fine.SnrLinear, 1e-9)) < snrFloorDb)
        {
            return false;
        }

        if (!syncMatches && !_options.AcceptAnySyncWord)
        {
            statistics.SyncWordMismatches++;
            return false;
        }

        var preambleExact = sfdRaw - ((double)(_preambleSymbols + 2) * _samplesPerSymbol);
        _burstStart = (long)Math.Round(preambleExact);
        if (!raw.Contains(_burstStart, _preamble.Length))
        {
            return false;
        }

        raw.CopyTo(_burstStart, _preamble);
        _stoSamples = preambleExact - _burstStart;
        _cfoHz = cfoBins * binHz;
        _snrDb = 10 * Math.Log10(Math.Max(fine.SnrLinear, 1e-6));
        _syncWord = syncWord;
        _dataStartRaw = sfdRaw + (2.25 * _samplesPerSymbol);
        // A transmitter whose sweep is far from linear spreads every up-chirp over a few bins around its shift, the
        // same way for every shift; the preamble measured how, and the payload is demodulated by that pattern.
        _estimator.DataBinWeights.CopyTo(_binWeights);
        _weightedDemodulation = false;
        _nonLinearSweep = false;
        for (var j = 0; j < _binWeights.Length; j++)
        {
            var side = j != PreambleEstimator.DataWeightHalfWidth;
            _weightedDemodulation |= side && _binWeights[j] > 0;
            _nonLinearSweep |= side && _binWeights[j] >= NonLinearSideWeight;
        }

        _symbolIndex = 0;
        // A drift the preamble resolves (and a ±50 ppm clock can cause) is applied from the first symbol: by the end of
        // the header it can already amount to most of a chip at SF12. The estimated timing mixes the up-chirps (centred
        // P/2 symbols into the frame) with the down-chirps (centred at P + 3), so it lags the down-chirps by
        // drift·(P/2 + 3)/2; the data starts 1.25 symbols after the down-chirps' centre.
        _driftChipsPerSymbol = Math.Abs(fine.DriftChipsPerSymbol) <= MaxClockOffset * _chips ? fine.DriftChipsPerSymbol : 0;
        _timingChips = (((_preambleSymbols / 2.0) + 3) / 2 + 1.25) * _driftChipsPerSymbol;
        _correctedBits = 0;
        _headerKnown = _parameters.ImplicitHeader;
        _header = _codec.ImplicitHeader(_options.ImplicitPayloadLength);
        _symbolsNeeded = _parameters.ImplicitHeader ? _codec.SymbolCount(_options.ImplicitPayloadLength) : 8;
        StartTimingTracking(_parameters.ImplicitHeader && NeedsTimingTracking(_symbolsNeeded));
        State = SynchronizerState.Demodulating;
        return true;
    }

    /// <summary>
    /// A sync chirp matches when it demodulates within two bins of the expected shift, or, tolerating a symbol error at
    /// low SNR, when the expected bin (±1) still holds three times the mean bin power.
    /// </summary>
    private bool SyncChirpMatches(int chirpIndex, int expectedBin, double residualBins)
    {
        var estimate = _demodulator.DemodulateUp(_aligned.AsSpan(chirpIndex * _chips, _chips), residualBins);
        if (CircularDistance(estimate.Bin, expectedBin) <= 2)
        {
            return true;
        }

        var power = _demodulator.PowerSpectrum;
        var mask = _chips - 1;
        var expectedPower = Math.Max(power[expectedBin & mask], Math.Max(power[(expectedBin - 1) & mask], power[(expectedBin + 1) & mask]));
        var mean = estimate.TotalPower / _chips;
        return expectedPower > 3 * mean;
    }

    private LoraBurst? DemodulateSymbol(SampleRing raw, double start, LoraReceiverStatistics statistics)
    {
        if (!_channelizer.Channelize(raw, start, _cfoHz, _burstStart, _window))
        {
            return Report(BurstStatus.Truncated, null, statistics);
        }

        var estimate = _demodulator.DemodulateUp(_window);
        // The timing error is read at the decided shift: on a spread tone the strongest bin is often a neighbour, whose
        // wrap phase says nothing about the timing (read there, it walked the timing off within a few dozen symbols).
        var shift = _weightedDemodulation ? WeightedPeak() : estimate.Bin;
        _shifts[_symbolIndex++] = shift;
        var noise = (estimate.TotalPower - estimate.PeakPower) / (_chips - 1);
        if (_trackTiming && estimate.PeakPower > 8 * noise && _demodulator.TimingError(shift) is { } error)
        {
            _driftChipsPerSymbol += DriftGain * error;
            _timingChips += TimingGain * error;
        }

        _timingChips += _driftChipsPerSymbol;

        if (!_headerKnown && _symbolIndex == 8)
        {
            if (!_codec.TryDecodeHeader(_shifts.AsSpan(0, 8), out _header))
            {
                return Report(BurstStatus.HeaderInvalid, null, statistics);
            }

            _headerKnown = true;
            _symbolsNeeded = _codec.SymbolCount(_header.PayloadLength, _header.CodingRate, _header.HasCrc);
            StartTimingTracking(NeedsTimingTracking(_symbolsNeeded));
        }

        if (_symbolIndex < _symbolsNeeded)
        {
            return null;
        }

        var result = _codec.Decode(_shifts.AsSpan(0, _symbolIndex), _payload, _options.ImplicitPayloadLength);
        _correctedBits = result.CorrectedBits;
        return result.Status == LoraDecodeStatus.Decoded
            ? Report(BurstStatus.Decoded, result.CrcOk, statistics)
            : Report(BurstStatus.HeaderInvalid, null, statistics);
    }

    /// <summary>The shift s maximising Σ_j w_j·|X[s + j]|² over the last demodulated spectrum.</summary>
    private int WeightedPeak()
    {
        // Accumulated bin offset by bin offset over all shifts at once (the same additions, in the same order, as a
        // per-shift sum); a zero weight adds nothing, so it is skipped.
        var power = _demodulator.PowerSpectrum;
        var scores = _weightedScores.AsSpan();
        scores.Clear();
        var mask = _chips - 1;
        var half = PreambleEstimator.DataWeightHalfWidth;
        for (var j = 0; j < _binWeights.Length; j++)
        {
            var weight = _binWeights[j];
            if (weight == 0)
            {
                continue;
            }

            // scores[s] += weight·power[(s + j − half) mod N], split where the index wraps.
            var offset = (j - half) & mask;
            var head = scores[..(_chips - offset)];
            var tail = scores[(_chips - offset)..];
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(power[offset..], weight, head, head);
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(power[..offset], weight, tail, tail);
        }

        return System.Numerics.Tensors.TensorPrimitives.IndexOfMax(scores);
    }

    /// <summary>
    /// The timing loop runs only when a ±50 ppm clock could move the timing by more than a quarter chip over the frame;
    /// otherwise its own jitter would cost more than the drift it removes. Not for a transmitter whose sweep is clearly
    /// non-linear (the preamble put a quarter of its peak power or more into a neighbouring bin): the loop's error detector
    /// reads the phase step at the chirp's frequency wrap, where such a PLL overshoots and rings, and that bias walked the
    /// timing off within a few dozen symbols (seed-2 population: all 5 bursts of a device failed CRC at 30 dB). The drift
    /// the preamble measured (SF9 and up) is still applied; below SF9 a ±20 ppm crystal moves a 64-symbol frame by less
    /// than a fifth of a chip.
    /// </summary>
    private bool NeedsTimingTracking(int symbols) => !_nonLinearSweep && symbols * _chips * MaxClockOffset > 0.25;

    private void StartTimingTracking(bool enabled) => _trackTiming = enabled;

    private LoraBurst Report(BurstStatus status, bool? crcOk, LoraReceiverStatistics statistics)
    {
        statistics.Bursts++;
        if (status == BurstStatus.Decoded)
        {
            statistics.Decoded++;
            if (crcOk == true)
            {
                statistics.CrcOk++;
            }
        }
        else
        {
            statistics.Undecodable++;
        }

        var decoded = status == BurstStatus.Decoded;
        var headerOk = _headerKnown && status != BurstStatus.HeaderInvalid;
        return new LoraBurst
        {
            SampleStart = _burstStart,
            StoSamples = _stoSamples,
            SpreadingFactor = _parameters.SpreadingFactor,
            BandwidthHz = _parameters.BandwidthHz,
            SampleRateHz = _parameters.SampleRateHz,
            CfoHz = _cfoHz,
            SfoPpm = -_driftChipsPerSymbol / _chips * 1e6,
            SnrDb = _snrDb,
            SyncWord = _syncWord,
            Status = status,
            HeaderOk = headerOk,
            CodingRate = headerOk ? _header.CodingRate : null,
            HasCrc = headerOk ? _header.HasCrc : null,
            CrcOk = decoded ? crcOk : null,
            Payload = decoded ? _payload.AsSpan(0, _header.PayloadLength).ToArray() : [],
            CorrectedBits = _correctedBits,
            SymbolCount = _symbolIndex,
            PreambleSymbols = _preambleSymbols,
            Preamble = _options.CopyPreamble ? _preamble.AsSpan().ToArray() : _preamble,
        };
    }

    private static double Wrap(double bins, int n)
    {
        var m = Modulo(bins, n);
        return m > n / 2.0 ? m - n : m;
    }

    private static double Modulo(double value, int n)
    {
        var m = value % n;
        return m < 0 ? m + n : m;
    }

    private double CircularDistance(double a, double b)
    {
        var d = Math.Abs(a - b) % _chips;
        return Math.Min(d, _chips - d);
    }
}
