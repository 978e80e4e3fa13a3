namespace RfFingerprint.Registry.Entities;

/// <summary>An ONNX model the registry has seen; unique on the SHA-256 of the file.</summary>
public sealed class ModelVersion
{
    /// <summary>Database key.</summary>
    public long Id { get; set; }

    /// <summary>File name of the .onnx model (no directory).</summary>
    public string FileName { get; set; } = string.Empty;

    /// <summary>SHA-256 of the file as 64 lower-case hex digits.</summary>
    public string Sha256 { get; set; } = string.Empty;

    /// <summary>Classifier or embedding extractor.</summary>
    public ModelKind Kind { get; set; }

    /// <summary>Preprocessing / input specification as JSON (from the model card).</summary>
    public string InputSpecJson { get; set; } = "{}";

    /// <summary>Evaluation metrics as JSON, when known.</summary>
    public string? MetricsJson { get; set; }

    /// <summary>When the model was registered (UTC).</summary>
    public DateTimeOffset RegisteredUtc { get; set; }
}
