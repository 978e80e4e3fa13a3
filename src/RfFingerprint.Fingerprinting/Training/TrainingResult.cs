namespace RfFingerprint.Fingerprinting.Training;

/// <summary>What a finished train.py run reported.</summary>
/// <param name="ModelPath">The .onnx written.</param>
/// <param name="CardPath">The model card written.</param>
/// <param name="ModelVersion">The model version recorded in the model.</param>
/// <param name="ValidationAccuracy">Validation accuracy of the kept epoch (NaN if not reported).</param>
/// <param name="ModelLine">The <c>model ...</c> line (parameters, MACs, shapes) as key/value pairs.</param>
/// <param name="Epochs">Every epoch's progress.</param>
public sealed record TrainingResult(
    string ModelPath,
    string CardPath,
    string ModelVersion,
    double ValidationAccuracy,
    IReadOnlyDictionary<string, string> ModelLine,
    IReadOnlyList<TrainingProgress> Epochs);
