namespace RfFingerprint.Fingerprinting.Inference;

/// <summary>What a fingerprint model outputs.</summary>
public enum ModelKind
{
    /// <summary>Softmax probabilities over the devices it was trained on (closed set); output <c>probabilities</c> [N, C].</summary>
    Classifier,

    /// <summary>An L2-normalised embedding; devices enrol by their embeddings without retraining; output <c>embedding</c> [N, D].</summary>
    Extractor,
}
