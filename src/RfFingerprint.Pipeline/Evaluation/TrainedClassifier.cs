namespace RfFingerprint.Pipeline.Evaluation;

/// <summary>A closed-set classifier trained by the evaluation on the day-1 bursts.</summary>
/// <param name="CfoCompensation">Whether its features had the CFO removed.</param>
/// <param name="ModelVersion">Model version recorded in the ONNX file.</param>
/// <param name="Sha256">sha256 of the ONNX file.</param>
/// <param name="Epochs">Epochs trained.</param>
/// <param name="ValidationAccuracy">train.py's validation accuracy (a held-out share of day 1).</param>
/// <param name="TrainingSeconds">Wall time of train.py.</param>
public sealed record TrainedClassifier(bool CfoCompensation, string ModelVersion, string Sha256, int Epochs, double ValidationAccuracy, double TrainingSeconds);
