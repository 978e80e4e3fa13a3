using RfFingerprint.Lora.Modulation;

namespace RfFingerprint.Simulation.Hardware;

/// <summary>
/// A PLL-based transmitter's departure from the ideal chirp, as an <see cref="IChirpDistortion"/> for
/// <see cref="ChirpSynthesizer"/>; the formula is on <see cref="PllParameters"/>.
/// </summary>
public sealed class PllChirpDistortion : IChirpDistortion
{
    private readonly PllParameters _p;
    private readonly double _halfBandwidthHz;

    /// <summary>Creates the distortion for a device's PLL at a LoRa bandwidth.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bandwidthHz"/> is not positive.</exception>
    public PllChirpDistortion(PllParameters parameters, double bandwidthHz)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bandwidthHz);
        _p = parameters;
        _halfBandwidthHz = bandwidthHz / 2;
    }

    /// <inheritdoc/>
    public double DeviationHz(ChirpDirection direction, double nominalFrequencyHz, double secondsIntoChirp, double secondsSinceWrap)
    {
        bool up = direction == ChirpDirection.Up;
        double x = Math.Clamp((up ? nominalFrequencyHz : -nominalFrequencyHz) / _halfBandwidthHz, -1, 1);
        double shape = (_p.LinearHz * x)
            + (_p.QuadraticHz * ((3 * x * x) - 1) / 2)
            + (_p.CubicHz * ((5 * x * x * x) - (3 * x)) / 2)
            + (_p.RippleHz * Math.Sin((Math.PI * _p.RippleCycles * (x + 1)) + _p.RipplePhaseRad));
        double t = Math.Max(0, secondsSinceWrap);
        double overshoot = _p.OvershootHz * Math.Exp(-t / _p.SettlingTauSeconds)
            * Math.Cos((2 * Math.PI * _p.RingingHz * t) + _p.RingingPhaseRad);
        return up ? shape - overshoot : (_p.DownChirpScale * shape) + overshoot;
    }
}
