using RfFingerprint.Pipeline.Options;

namespace RfFingerprint.Pipeline.Evaluation;

/// <summary>Where an evaluation run reads its model and scripts and writes its work files.</summary>
public sealed record EvaluationRunnerOptions
{
    /// <summary>What to simulate and measure.</summary>
    public EvaluationPlan Plan { get; init; } = new();

    /// <summary>The extractor (.onnx) under test; its preprocessing defines the features of every set.</summary>
    public required string ExtractorPath { get; init; }

    /// <summary>Folder for recordings, feature sets and trained classifiers (created if missing; not deleted by the runner).</summary>
    public required string WorkDirectory { get; init; }

    /// <summary>Keep the simulated recordings (they are deleted once their features are exported otherwise).</summary>
    public bool KeepRecordings { get; init; }

    /// <summary><c>models/train.py</c>; needed when <see cref="EvaluationPlan.ClassifierEpochs"/> is above 0.</summary>
    public string? TrainScriptPath { get; init; }

    /// <summary>The Python with torch and onnx (Debian's).</summary>
    public string PythonPath { get; init; } = "/usr/bin/python3";

    /// <summary>torch threads for classifier training.</summary>
    public int TrainingThreads { get; init; } = Environment.ProcessorCount;

    /// <summary>Receiver settings (SF7 at 125 kHz by default, as the simulator sends).</summary>
    public ReceiverOptions Receiver { get; init; } = new();

    /// <summary>Version of the software under test (e.g. rffp's informational version with its commit), recorded in the report.</summary>
    public string SoftwareVersion { get; init; } = "unknown";

    /// <summary>The command line recorded in the report.</summary>
    public string CommandLine { get; init; } = "rffp eval";
}
