using MathNet.Numerics;
using RfFingerprint.Lora.Dsp;
using RfFingerprint.Lora.Synchronization;

namespace RfFingerprint.Lora.Demodulation;

/// <summary>
/// Per-burst front end: takes raw samples from the stream history, removes the burst's CFO, low-pass filters and
/// decimates to one sample per chip, with the output grid placed on any raw sample.
/// </summary>
/// <remarks>
/// Removing the CFO before the anti-alias filter keeps the whole chirp (±BW/2 around the burst's own carrier) inside the
/// passband; filtering first would cut the band edge off a burst with a large offset. The mixing phase is referenced
/// to an absolute sample index, so successive calls are phase-continuous. Output j is centred on raw sample
/// start + j·oversampling. Not thread-safe (scratch buffer).
/// </remarks>
public sealed class BurstChannelizer
{
    private readonly FirDecimator _decimator;
    private readonly double _sampleRateHz;
    private readonly Complex32[] _scratch;
    private readonly Complex32[] _mixer;
    private double _mixerCfoHz;

    /// <summary>Creates a channelizer producing at most <paramref name="maxOutputs"/> samples per call.</summary>
    public BurstChannelizer(FirDecimator decimator, double sampleRateHz, int maxOutputs)
    {
        _decimator = decimator;
        _sampleRateHz = sampleRateHz;
        _scratch = new Complex32[decimator.InputLength(maxOutputs)];
        _mixer = new Complex32[_scratch.Length];
        _mixer.AsSpan().Fill(Complex32.One);
    }

    /// <summary>First raw sample index the call reads for an output grid starting at <paramref name="start"/>.</summary>
    public long FirstRawIndex(double start) => (long)Math.Floor(start) - _decimator.Delay;

    /// <summary>One past the last raw sample index read for <paramref name="count"/> outputs from <paramref name="start"/>.</summary>
    public long EndRawIndex(double start, int count) => FirstRawIndex(start) + _decimator.InputLength(count) + 1;

    /// <summary>
    /// Produces output.Length samples centred on raw positions start + j·oversampling (start may be fractional, resolved to
    /// 1/32 sample), mixed by −cfoHz with phase 0 at <paramref name="phaseReferenceIndex"/>.
    /// </summary>
    /// <returns>False when the raw range is not (or no longer) in <paramref name="history"/>.</returns>
    public bool Channelize(SampleRing history, double start, double cfoHz, long phaseReferenceIndex, Span<Complex32> output)
    {
        var whole = Math.Floor(start);
        var step = (int)Math.Round((start - whole) * FirDecimator.FractionalSteps);
        if (step == FirDecimator.FractionalSteps)
        {
            whole += 1;
            step = 0;
        }

        var first = (long)whole - _decimator.Delay;
        var length = _decimator.InputLength(output.Length);
        if (!history.Contains(first, length))
        {
            return false;
        }

        if (cfoHz != _mixerCfoHz)
        {
            // A burst is channelised many times at one offset: the mixing phasor is computed once per offset, and the
            // phase at the first sample is applied to the (fewer) outputs instead, which the filter's linearity allows.
            _mixer.AsSpan().Fill(Complex32.One);
            CfoCompensation.Apply(_mixer, _mixer, cfoHz, _sampleRateHz);
            _mixerCfoHz = cfoHz;
        }

        // Mixed straight out of the history where it lies in one piece (every symbol of a payload comes through here, so
        // a copy first and a mix in place after read and wrote each raw sample twice).
        var raw = _scratch.AsSpan(0, length);
        if (history.TryGetContiguous(first, length, out var stored))
        {
            ComplexMath.Multiply(stored, _mixer, raw);
        }
        else
        {
            history.CopyTo(first, raw);
            ComplexMath.Multiply(raw, _mixer, raw);
        }

        _decimator.Decimate(raw, output, step);
        var cycles = cfoHz * (first - phaseReferenceIndex) / _sampleRateHz;
        var (sin, cos) = Math.SinCos(-2 * Math.PI * (cycles - Math.Floor(cycles)));
        ComplexMath.Rotate(output, new Complex32((float)cos, (float)sin));
        return true;
    }
}
