using RfFingerprint.Fingerprinting.Inference;
using RfFingerprint.Fingerprinting.Training;

namespace RfFingerprint.Fingerprinting.Tests.Training;

public class ModelTrainerTests
{
    private static TrainingRequest TinyRequest(string data, string output) => new()
    {
        PythonPath = PythonRunner.Interpreter,
        ScriptPath = Path.Combine(RepoPaths.Models, "train.py"),
        DatasetPath = data,
        Kind = ModelKind.Extractor,
        OutputPath = output,
        Epochs = 2,
        BatchSize = 16,
        EmbeddingDimension = 8,
        ModelVersion = "tiny run",
        ExtraArguments = ["--widths", "4,4,8"],
    };

    [Fact]
    public void EpochLine_IsParsed()
    {
        Assert.True(TrainingProgress.TryParse("epoch 3/20 loss=0.412300 train_acc=0.9100 val_acc=0.8800", out var p));

        Assert.Equal(new TrainingProgress(3, 20, 0.4123, 0.91, 0.88), p);
    }

    [Theory]
    [InlineData("model kind=extractor params=5 macs=7")]
    [InlineData("epoch x/20 loss=1 train_acc=1 val_acc=1")]
    [InlineData("epoch 1/2 loss=1")]
    public void OtherLines_AreNotEpochs(string line)
    {
        Assert.False(TrainingProgress.TryParse(line, out _));
    }

    [Fact]
    public void Arguments_NameEveryOption()
    {
        var args = TinyRequest("d.npz", "m.onnx").BuildArguments();

        Assert.EndsWith("train.py", args[0], StringComparison.Ordinal);
        Assert.Equal("extractor", args[args.ToList().IndexOf("--kind") + 1]);
        Assert.Equal("tiny run", args[args.ToList().IndexOf("--model-version") + 1]);
        Assert.Equal(["--widths", "4,4,8"], args.TakeLast(2));
    }

    [Fact]
    public async Task RunAsync_TrainsAModelThatLoadsAndReportsEachEpoch()
    {
        using var dir = new TempDirectory();
        string data = dir.File("syn.npz");
        var make = PythonRunner.Run([Path.Combine(RepoPaths.Models, "synthetic_dataset.py"), data, "--devices", "3", "--bursts", "8"]);
        Assert.True(make.ExitCode == 0, make.ToString());
        var seen = new List<TrainingProgress>();

        var result = await ModelTrainer.RunAsync(TinyRequest(data, dir.File("out dir/m.onnx")), new SynchronousProgress<TrainingProgress>(seen.Add));

        Assert.Equal([1, 2], seen.Select(p => p.Epoch));
        Assert.Equal(2, result.Epochs.Count);
        Assert.Equal("tiny run", result.ModelVersion);
        Assert.Equal("extractor", result.ModelLine["kind"]);
        using var model = FingerprintModel.Load(result.ModelPath);
        Assert.Equal("tiny run", model.ModelVersion);
        Assert.Equal(result.CardPath, ModelCard.PathFor(model.Path));
    }

    [Fact]
    public async Task RunAsync_ReportsTheScriptsErrorForAMissingDataset()
    {
        using var dir = new TempDirectory();

        var e = await Assert.ThrowsAsync<TrainingFailedException>(() => ModelTrainer.RunAsync(TinyRequest(dir.File("missing.npz"), dir.File("m.onnx"))));

        Assert.NotEqual(0, e.ExitCode);
        Assert.Contains("missing.npz", e.StandardErrorTail, StringComparison.Ordinal);
    }

    /// <summary>Reports on the caller's thread, so the test sees every report before RunAsync returns.</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
