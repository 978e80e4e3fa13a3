namespace RfFingerprint.Fingerprinting.Decisions;

/// <summary>Distance between embeddings.</summary>
public enum DistanceMetric
{
    /// <summary>1 - a.b / (|a| |b|), in 0..2.</summary>
    Cosine,

    /// <summary>|a - b|.</summary>
    Euclidean,
}
