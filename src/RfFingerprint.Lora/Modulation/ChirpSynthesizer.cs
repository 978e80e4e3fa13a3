using MathNet.Numerics;

namespace RfFingerprint.Lora.Modulation;

/// <summary>Synthesises unit-amplitude, phase-continuous complex baseband for a chirp sequence.</summary>
/// <remarks>
/// An up-chirp with shift s has instantaneous frequency f(t) = BW·(((s + t·BW) mod 2^SF) / 2^SF − 1/2), sweeping from
/// −BW/2 + s·BW/2^SF up to +BW/2, wrapping to −BW/2; a down-chirp is its mirror (−f). The phase is the exact
/// integral of the nominal sweep plus the running integral (rectangle rule, one sample) of the optional
/// <see cref="IChirpDistortion"/> deviation, and is carried across segment boundaries, so the waveform is phase-continuous.
/// Sample n of a segment is at time n / SampleRateHz from the segment start.
/// </remarks>
public sealed class ChirpSynthesizer
{
    private readonly int _chips;
    private readonly int _oversampling;
    private readonly double _bandwidthHz;
    private readonly double _sampleRateHz;

    /// <summary>Creates a synthesiser for <paramref name="p"/>.</summary>
    /// <exception cref="ArgumentException">The parameters are invalid (see <see cref="LoraParameters.Validate"/>).</exception>
    public ChirpSynthesizer(LoraParameters p)
    {
        ArgumentNullException.ThrowIfNull(p);
        p.Validate();
        _chips = p.ChipsPerSymbol;
        _oversampling = p.Oversampling;
        _bandwidthHz = p.BandwidthHz;
        _sampleRateHz = p.SampleRateHz;
    }

    /// <summary>Samples in one full symbol, 2^SF × oversampling.</summary>
    public int SamplesPerSymbol => _chips * _oversampling;

    /// <summary>Total samples for <paramref name="segments"/>: Σ QuarterSymbols × SamplesPerSymbol / 4.</summary>
    /// <exception cref="ArgumentException">A segment has a shift outside 0..2^SF−1 or a length outside 1..4 quarters.</exception>
    public int SampleCount(ReadOnlySpan<ChirpSegment> segments)
    {
        long total = 0;
        foreach (var segment in segments)
        {
            CheckSegment(segment);
            total += segment.QuarterSymbols * (SamplesPerSymbol / 4);
        }

        return checked((int)total);
    }

    /// <summary>Writes the waveform of <paramref name="segments"/> into <paramref name="destination"/>.</summary>
    /// <param name="segments">Chirps in transmission order.</param>
    /// <param name="destination">At least <see cref="SampleCount"/> samples.</param>
    /// <param name="distortion">Optional transmitter frequency deviation; null for the ideal sweep.</param>
    /// <exception cref="ArgumentException">Destination too short or a segment invalid.</exception>
    public void Synthesize(ReadOnlySpan<ChirpSegment> segments, Span<Complex32> destination, IChirpDistortion? distortion = null)
    {
        var needed = SampleCount(segments);
        if (destination.Length < needed)
        {
            throw new ArgumentException($"Destination needs {needed} samples.", nameof(destination));
        }

        var phaseCycles = 0.0;
        var offset = 0;
        var n = (double)_chips;
        var secondsPerSample = 1.0 / _sampleRateHz;
        foreach (var segment in segments)
        {
            var length = segment.QuarterSymbols * (SamplesPerSymbol / 4);
            var sign = segment.Direction == ChirpDirection.Up ? 1.0 : -1.0;
            var s = segment.Symbol;
            var wrapChip = n - s;
            for (var i = 0; i < length; i++)
            {
                var c = (double)i / _oversampling;
                var nominal = (c * c / (2 * n)) + (((s / n) - 0.5) * c);
                if (c >= wrapChip)
                {
                    nominal -= c - wrapChip;
                }

                var total = phaseCycles + (sign * nominal);
                var radians = 2 * Math.PI * (total - Math.Floor(total));
                destination[offset + i] = new Complex32((float)Math.Cos(radians), (float)Math.Sin(radians));

                if (distortion is not null)
                {
                    var position = c + s;
                    var wrapped = position >= n;
                    var frequencyHz = sign * _bandwidthHz * (((wrapped ? position - n : position) / n) - 0.5);
                    var sinceWrapSeconds = (wrapped ? c - wrapChip : c) / _bandwidthHz;
                    phaseCycles += distortion.DeviationHz(segment.Direction, frequencyHz, c / _bandwidthHz, sinceWrapSeconds) * secondsPerSample;
                }
            }

            var endChip = (double)length / _oversampling;
            var endNominal = (endChip * endChip / (2 * n)) + (((s / n) - 0.5) * endChip) - Math.Max(0, endChip - wrapChip);
            phaseCycles += sign * endNominal;
            phaseCycles -= Math.Floor(phaseCycles);
            offset += length;
        }
    }

    private void CheckSegment(ChirpSegment segment)
    {
        if (segment.Symbol < 0 || segment.Symbol >= _chips)
        {
            throw new ArgumentException($"Chirp shift {segment.Symbol} is outside 0..{_chips - 1}.", nameof(segment));
        }

        if (segment.QuarterSymbols is < 1 or > 4)
        {
            throw new ArgumentException($"QuarterSymbols must be 1 to 4, got {segment.QuarterSymbols}.", nameof(segment));
        }
    }
}
