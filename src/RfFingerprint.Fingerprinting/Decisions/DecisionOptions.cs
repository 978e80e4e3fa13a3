namespace RfFingerprint.Fingerprinting.Decisions;

/// <summary>Thresholds and rules of <see cref="FingerprintDecider"/>.</summary>
public sealed record DecisionOptions
{
    /// <summary>Extractor models: accept a device when its distance is at or below this (e.g. from <see cref="EmbeddingMatcher.Calibrate"/>); +infinity accepts the nearest device always.</summary>
    public double DistanceThreshold { get; init; } = double.PositiveInfinity;

    /// <summary>Classifier models: accept a device when its class probability is at or above this (0: pure closed set).</summary>
    public double MinimumProbability { get; init; }

    /// <summary>The seed paper's hybrid rule: rule out candidates whose CFO range does not contain the burst's CFO.</summary>
    public bool UseCfoRule { get; init; } = true;

    /// <summary>Move an authenticated device's CFO range towards the burst's CFO (see <see cref="CfoRangeOptions"/>).</summary>
    public bool TrackCfoDrift { get; init; } = true;

    /// <summary>Range construction and drift tracking.</summary>
    public CfoRangeOptions CfoRange { get; init; } = new();

    /// <summary>Matching of embeddings (extractor models).</summary>
    public MatcherOptions Matcher { get; init; } = new();

    /// <exception cref="ArgumentOutOfRangeException">A value is out of range; the exception names it.</exception>
    public void Validate()
    {
        if (double.IsNaN(DistanceThreshold) || DistanceThreshold < 0)
            throw new ArgumentOutOfRangeException(nameof(DistanceThreshold), DistanceThreshold, "The distance threshold must not be negative or NaN.");
        if (!(MinimumProbability is >= 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(MinimumProbability), MinimumProbability, "The minimum probability must be within 0..1.");
        ArgumentNullException.ThrowIfNull(CfoRange);
        ArgumentNullException.ThrowIfNull(Matcher);
        CfoRange.Validate();
        Matcher.Validate();
    }
}
