namespace RfFingerprint.Fingerprinting.Inference;

/// <summary>Keys of the ONNX <c>metadata_props</c> that <c>models/train.py</c> writes and <see cref="FingerprintModel"/> reads.</summary>
public static class ModelMetadataKeys
{
    /// <summary><see cref="Features.PreprocessingParameters.ToJson"/> of the features the model was trained on.</summary>
    public const string Preprocessing = "rffp.preprocessing";

    /// <summary><c>classifier</c> or <c>extractor</c>.</summary>
    public const string Kind = "rffp.kind";

    /// <summary>JSON array of the training devices' names (the classifier's class order).</summary>
    public const string Classes = "rffp.classes";

    /// <summary>The model version string (default KIND-&lt;12 hex of the weights' sha256&gt;).</summary>
    public const string ModelVersion = "rffp.model_version";

    /// <summary>Name of the output to read.</summary>
    public const string Output = "rffp.output";

    /// <summary>sha256 of the training dataset .npz.</summary>
    public const string TrainingDataSha256 = "rffp.training_data_sha256";
}
