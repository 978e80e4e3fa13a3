namespace RfFingerprint.Fingerprinting.Decisions;

/// <summary>Open-set matcher settings.</summary>
public sealed record MatcherOptions
{
    public DistanceMetric Metric { get; init; } = DistanceMetric.Cosine;

    public MatchMethod Method { get; init; } = MatchMethod.Centroid;

    /// <summary>k for <see cref="MatchMethod.NearestNeighbours"/> (devices with fewer embeddings use all of them).</summary>
    public int K { get; init; } = 5;

    /// <exception cref="ArgumentOutOfRangeException">K is below 1 or an enum value is undefined.</exception>
    public void Validate()
    {
        if (K < 1)
            throw new ArgumentOutOfRangeException(nameof(K), K, "k must be at least 1.");
        if (!Enum.IsDefined(Metric))
            throw new ArgumentOutOfRangeException(nameof(Metric), Metric, "Unknown metric.");
        if (!Enum.IsDefined(Method))
            throw new ArgumentOutOfRangeException(nameof(Method), Method, "Unknown method.");
    }
}
