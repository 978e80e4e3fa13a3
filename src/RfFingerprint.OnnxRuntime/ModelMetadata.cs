namespace RfFingerprint.OnnxRuntime;

/// <summary>
/// The model's ONNX metadata: producer, graph name, domain, descriptions, version and the custom
/// key/value map (<c>metadata_props</c>) in which a model can carry, for example, its preprocessing parameters.
/// </summary>
/// <param name="ProducerName">Tool that produced the model (<c>producer_name</c>).</param>
/// <param name="GraphName">Name of the main graph.</param>
/// <param name="Domain">Model domain.</param>
/// <param name="Description">Model documentation string.</param>
/// <param name="GraphDescription">Graph documentation string.</param>
/// <param name="Version">Model version (<c>model_version</c>).</param>
/// <param name="CustomMetadata">The custom key/value strings, ordinal comparison of keys.</param>
public sealed record ModelMetadata(
    string ProducerName,
    string GraphName,
    string Domain,
    string Description,
    string GraphDescription,
    long Version,
    IReadOnlyDictionary<string, string> CustomMetadata);
