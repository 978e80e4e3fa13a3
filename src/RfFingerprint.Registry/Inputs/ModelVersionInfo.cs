using RfFingerprint.Registry.Entities;

namespace RfFingerprint.Registry.Inputs;

/// <summary>What <see cref="IRegistryStore.RegisterModelVersionAsync"/> records about a model file.</summary>
/// <param name="FileName">File name of the .onnx model.</param>
/// <param name="Sha256">SHA-256 of the file, 64 hex digits (any case).</param>
/// <param name="Kind">Classifier or embedding extractor.</param>
/// <param name="InputSpecJson">Input / preprocessing specification as JSON.</param>
/// <param name="MetricsJson">Evaluation metrics as JSON, when known.</param>
public sealed record ModelVersionInfo(string FileName, string Sha256, ModelKind Kind, string InputSpecJson, string? MetricsJson = null);
