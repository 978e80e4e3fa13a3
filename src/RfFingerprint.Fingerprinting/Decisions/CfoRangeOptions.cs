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

    /// <summary>Smallest half-width, in Hz (default 300: several times the CFO estimator's error, covers short warm-up excursions).</summary>
    public double MarginHz { get; init; } = 300;

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
