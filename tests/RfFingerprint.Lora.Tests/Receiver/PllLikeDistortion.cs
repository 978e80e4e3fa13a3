using RfFingerprint.Lora.Modulation;

namespace RfFingerprint.Lora.Tests.Receiver;

/// <summary>
/// A transmitter PLL's departure from the linear sweep, shaped like the project simulator's: a static quadratic error
/// along the sweep (Legendre P2 of the position x ∈ [−1, 1], so it has no mean and moves no carrier) and a ringing
/// overshoot after every frequency wrap, of opposite sign on up- and down-chirps; optionally linear and cubic (Legendre
/// P1, P3) terms, a one-cycle ripple along the sweep and a down-chirp error scaled differently from the up-chirp's.
/// </summary>
internal sealed class PllLikeDistortion(double quadraticHz, double overshootHz, double settlingSeconds, double ringingHz, double bandwidthHz, double rippleHz = 0, double downChirpScale = 1, double linearHz = 0, double cubicHz = 0, double ringingPhaseRad = 0) : IChirpDistortion
{
    public double DeviationHz(ChirpDirection direction, double nominalFrequencyHz, double secondsIntoChirp, double secondsSinceWrap)
    {
        var up = direction == ChirpDirection.Up;
        var x = Math.Clamp((up ? nominalFrequencyHz : -nominalFrequencyHz) / (bandwidthHz / 2), -1, 1);
        var shape = (linearHz * x) + (quadraticHz * ((3 * x * x) - 1) / 2) + (cubicHz * ((5 * x * x * x) - (3 * x)) / 2)
            + (rippleHz * Math.Sin((Math.PI * (x + 1)) + 0.6));
        var overshoot = overshootHz * Math.Exp(-secondsSinceWrap / settlingSeconds) * Math.Cos((2 * Math.PI * ringingHz * secondsSinceWrap) + ringingPhaseRad);
        return up ? shape - overshoot : (downChirpScale * shape) + overshoot;
    }
}
