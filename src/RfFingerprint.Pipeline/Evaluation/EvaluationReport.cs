namespace RfFingerprint.Pipeline.Evaluation;

/// <summary>Everything an evaluation run measured; <see cref="MarkdownReport"/> renders it.</summary>
public sealed record EvaluationReport
{
    /// <summary>The command that produced the report.</summary>
    public required string CommandLine { get; init; }

    /// <summary>Version of the software under test.</summary>
    public required string SoftwareVersion { get; init; }

    public required EvaluationPlan Plan { get; init; }

    public required DateTimeOffset StartedUtc { get; init; }

    public required TimeSpan Duration { get; init; }

    /// <summary>Processor count, OS, runtime and load average at the start (the speed figures depend on them).</summary>
    public required string Machine { get; init; }

    public required string ExtractorPath { get; init; }

    public required string ExtractorSha256 { get; init; }

    public required string ExtractorVersion { get; init; }

    /// <summary>sha256 of the extractor's training data, when its metadata records it.</summary>
    public string? ExtractorTrainingDataSha256 { get; init; }

    /// <summary>The features (the extractor's preprocessing, as JSON).</summary>
    public required string PreprocessingJson { get; init; }

    public required IReadOnlyList<DataSetSummary> DataSets { get; init; }

    public required IReadOnlyList<CfoAccuracyRow> CfoAccuracy { get; init; }

    public required IReadOnlyList<TrainedClassifier> Classifiers { get; init; }

    public required IReadOnlyList<AblationRow> ClosedSet { get; init; }

    public required IReadOnlyList<SnrRow> BySnr { get; init; }

    public required IReadOnlyList<ScaleRow> ByDeviceCount { get; init; }

    public required IReadOnlyList<EnrolmentRow> OpenSet { get; init; }

    public required IReadOnlyList<BaselineRow> Baselines { get; init; }

    public required SpeedResult Speed { get; init; }

    /// <summary>Wall time of each step, in order.</summary>
    public required IReadOnlyList<(string Step, TimeSpan Duration)> StepDurations { get; init; }
}
