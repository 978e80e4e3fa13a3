namespace RfFingerprint.Lora.Modulation;

/// <summary>
/// Deviation of a transmitter's instantaneous frequency from the ideal linear sweep, e.g. a PLL's
/// overshoot and settling after every frequency wrap; the simulator uses it to give devices a fingerprint.
/// </summary>
public interface IChirpDistortion
{
    /// <summary>Returns the frequency error in Hz added to the nominal instantaneous frequency.</summary>
    /// <param name="direction">Sweep direction of the current chirp.</param>
    /// <param name="nominalFrequencyHz">Ideal instantaneous frequency relative to the carrier, in −BW/2 … +BW/2.</param>
    /// <param name="secondsIntoChirp">Time since the start of the current chirp.</param>
    /// <param name="secondsSinceWrap">Time since the last frequency discontinuity: the chirp start or the wrap from one band edge to the other.</param>
    double DeviationHz(ChirpDirection direction, double nominalFrequencyHz, double secondsIntoChirp, double secondsSinceWrap);
}
