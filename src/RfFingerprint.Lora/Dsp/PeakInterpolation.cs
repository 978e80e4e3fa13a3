namespace RfFingerprint.Lora.Dsp;

/// <summary>Fractional position of a DFT peak from the magnitudes of the peak bin and its neighbours.</summary>
/// <remarks>
/// For a tone under a rectangular window the DFT magnitude is |sinc(k − k₀)|, so the larger neighbour satisfies
/// |X[k±1]| / |X[k]| ≈ δ / (1 − δ): δ = |X[k±1]| / (|X[k]| + |X[k±1]|), signed towards that neighbour
/// (the magnitude form of Quinn's estimator, "Estimating frequency by interpolation using Fourier coefficients",
/// IEEE Trans. SP 1994). A parabola through the magnitudes would be strongly biased towards the bin centre here.
/// </remarks>
public static class PeakInterpolation
{
    /// <summary>Offset in bins (−0.5 to 0.5) of the true peak from the centre bin, given neighbour magnitudes.</summary>
    public static double Offset(double leftMagnitude, double centerMagnitude, double rightMagnitude)
    {
        if (!(centerMagnitude > 0))
        {
            return 0;
        }

        return rightMagnitude > leftMagnitude
            ? rightMagnitude / (centerMagnitude + rightMagnitude)
            : -leftMagnitude / (centerMagnitude + leftMagnitude);
    }
}
