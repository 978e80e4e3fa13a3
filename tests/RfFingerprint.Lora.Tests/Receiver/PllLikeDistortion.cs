using RfFingerprint.Lora.Modulation;

namespace RfFingerprint.Lora.Tests.Receiver;

/// <summary>
/// A transmitter PLL's departure from the linear sweep, shaped like the project simulator's: a static quadratic error
/// along the sweep (Legendre P2 of the position x ∈ [−1, 1], so it has no mean and moves no carrier) and a ringing
/// overshoot after every frequency wrap, of opposite sign on up- and down-chirps.
/// </summary>
internal sealed class PllLikeDistortion(double quadraticHz, double overshootHz, double settlingSeconds, double ringingHz, double bandwidthHz) : IChirpDistortion
{
    public double DeviationHz(ChirpDirection direction, double nominalFrequencyHz, double secondsIntoChirp, double secondsSinceWrap)
    {
        var up = direction == ChirpDirection.Up;
        var x = Math.Clamp((up ? nominalFrequencyHz : -nominalFrequencyHz) / (bandwidthHz / 2), -1, 1);
        var shape = quadraticHz * ((3 * x * x) - 1) / 2;
        var overshoot = overshootHz * Math.Exp(-secondsSinceWrap / settlingSeconds) * Math.Cos(2 * Math.PI * ringingHz * secondsSinceWrap);
        return up ? shape - overshoot : shape + overshoot;
    }
}
