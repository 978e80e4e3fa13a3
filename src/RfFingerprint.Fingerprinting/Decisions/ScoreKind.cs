namespace RfFingerprint.Fingerprinting.Decisions;

/// <summary>What a decision's score means.</summary>
public enum ScoreKind
{
    /// <summary>Softmax probability of the device's class (classifier); higher is better, accepted at or above a minimum.</summary>
    Probability,

    /// <summary>Distance to the device's enrolled embeddings (extractor); lower is better, accepted at or below a threshold.</summary>
    Distance,
}
