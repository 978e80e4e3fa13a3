namespace RfFingerprint.Fingerprinting.Decisions;

/// <summary>How a burst's embedding is compared with a device's enrolment embeddings.</summary>
public enum MatchMethod
{
    /// <summary>Distance to the mean of the device's embeddings (one comparison per device).</summary>
    Centroid,

    /// <summary>Mean distance to the device's k nearest embeddings (the public reference code's rogue score).</summary>
    NearestNeighbours,
}
