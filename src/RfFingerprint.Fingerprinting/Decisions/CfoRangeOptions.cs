namespace RfFingerprint.Fingerprinting.Decisions;

/// <summary>
/// How a device's CFO range is built from its enrolment bursts and how it follows slow drift.
/// Range: centre = mean; half-width = max(<see cref="StdMultiplier"/> * std, <see cref="MarginHz"/>);
/// [min(mean - half-width, min observed), max(mean + half-width, max observed)], so every enrolment burst lies inside.
/// Drift: each authenticated burst moves the whole range by clamp(<see cref="DriftSmoothing"/> * (cfo - centre),
/// +-<see cref="MaxDriftStepHz"/>), an exponentially weighted moving average of the centre with a bounded step: a
/// warm-up drift of a few Hz per burst is followed, a jump of kHz is not.
/// </summary>
public sealed record CfoRangeOptions
{
    /// <summary>k in mean +- k * std (default 3).</summary>
    public double StdMultiplier { get; init; } = 3;

    /// <summary>
    /// Smallest half-width, in Hz (default 600). An SX127x crystal drifts by hundreds of hertz at 868 MHz while the device
    /// warms up after power-on, and enrolment bursts are often all recorded in one sitting, cold or warm: a half-width of
    /// a few estimator errors (300 Hz) locked warmed-up devices enrolled with few bursts out (79 % identification with 10
    /// enrolment bursts in the evaluation), while 600 Hz still keeps each device to a 1.2 kHz window (1.4 ppm at 868 MHz).
    /// </summary>
    public double MarginHz { get; init; } = 600;

    /// <summary>EWMA weight of a new authenticated burst's CFO, 0..1 (default 0.1; 0 disables tracking).</summary>
    public double DriftSmoothing { get; init; } = 0.1;

    /// <summary>Largest move of the range per authenticated burst, in Hz (default 25).</summary>
    public double MaxDriftStepHz { get; init; } = 25;

    /// <exception cref="ArgumentOutOfRangeException">A value is negative, not finite, or the smoothing exceeds 1.</exception>
    public void Validate()
    {
        if (!(StdMultiplier >= 0) || double.IsInfinity(StdMultiplier))
            throw new ArgumentOutOfRangeException(nameof(StdMultiplier), StdMultiplier, "The std multiplier must be finite and not negative.");
        if (!(MarginHz >= 0) || double.IsInfinity(MarginHz))
            throw new ArgumentOutOfRangeException(nameof(MarginHz), MarginHz, "The margin must be finite and not negative.");
        if (!(DriftSmoothing is >= 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(DriftSmoothing), DriftSmoothing, "The drift smoothing must be within 0..1.");
        if (!(MaxDriftStepHz >= 0) || double.IsInfinity(MaxDriftStepHz))
            throw new ArgumentOutOfRangeException(nameof(MaxDriftStepHz), MaxDriftStepHz, "The drift step must be finite and not negative.");
    }
}
