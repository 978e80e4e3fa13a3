using System.Globalization;
using RfFingerprint.Fingerprinting.Inference;

namespace RfFingerprint.Fingerprinting.Training;

/// <summary>One run of <c>models/train.py</c>; <see cref="BuildArguments"/> gives its command line.</summary>
public sealed record TrainingRequest
{
    /// <summary>The Python interpreter that has torch and onnx (Debian's).</summary>
    public string PythonPath { get; init; } = "/usr/bin/python3";

    /// <summary>Path of <c>models/train.py</c>.</summary>
    public required string ScriptPath { get; init; }

    /// <summary>Feature dataset .npz (from <see cref="Datasets.FeatureDatasetWriter"/>).</summary>
    public required string DatasetPath { get; init; }

    /// <summary>Classifier or extractor.</summary>
    public required ModelKind Kind { get; init; }

    /// <summary>The .onnx to write; the card and reference outputs go beside it.</summary>
    public required string OutputPath { get; init; }

    public int Epochs { get; init; } = 20;

    public int BatchSize { get; init; } = 64;

    public double LearningRate { get; init; } = 1e-3;

    public int Seed { get; init; } = 1;

    /// <summary>torch intra-op threads (fixed for determinism).</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Extractor loss: <c>supcon</c> or <c>triplet</c>.</summary>
    public string Loss { get; init; } = "supcon";

    public int EmbeddingDimension { get; init; } = 64;

    /// <summary>Model version to record; null lets train.py derive KIND-&lt;weights hash&gt;.</summary>
    public string? ModelVersion { get; init; }

    /// <summary>More train.py options, passed as given (e.g. <c>--widths 4,4,8</c>).</summary>
    public IReadOnlyList<string> ExtraArguments { get; init; } = [];

    /// <summary>The arguments after the interpreter: script path, then options.</summary>
    public IReadOnlyList<string> BuildArguments()
    {
        var args = new List<string>
        {
            ScriptPath,
            "--data", DatasetPath,
            "--kind", Kind == ModelKind.Classifier ? "classifier" : "extractor",
            "--out", OutputPath,
            "--epochs", Epochs.ToString(CultureInfo.InvariantCulture),
            "--batch-size", BatchSize.ToString(CultureInfo.InvariantCulture),
            "--lr", LearningRate.ToString("R", CultureInfo.InvariantCulture),
            "--seed", Seed.ToString(CultureInfo.InvariantCulture),
            "--threads", Threads.ToString(CultureInfo.InvariantCulture),
            "--loss", Loss,
            "--embedding-dim", EmbeddingDimension.ToString(CultureInfo.InvariantCulture),
        };
        if (ModelVersion is not null)
            args.AddRange(["--model-version", ModelVersion]);
        args.AddRange(ExtraArguments);
        return args;
    }
}
