namespace RfFingerprint.Registry.Entities;

/// <summary>What a model's output means. Stored as lower-case text.</summary>
public enum ModelKind
{
    /// <summary>Closed-set classifier: softmax over the trained devices; enrolments carry a class index.</summary>
    Classifier,

    /// <summary>Fingerprint extractor: an embedding per burst; enrolments carry stored embeddings.</summary>
    Embedding,
}
