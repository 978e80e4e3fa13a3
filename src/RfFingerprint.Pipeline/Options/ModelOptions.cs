namespace RfFingerprint.Pipeline.Options;

/// <summary>Which fingerprint model serves. Bound from the <c>Model</c> configuration section.</summary>
public sealed class ModelOptions
{
    public const string SectionName = "Model";

    /// <summary>Path of the <c>.onnx</c> file; its model card (<c>NAME.card.json</c>) lies beside it.</summary>
    public string Path { get; set; } = "models/default/extractor.onnx";
}
