using RfFingerprint.Fingerprinting.Datasets;
using RfFingerprint.Fingerprinting.Features;
using RfFingerprint.Fingerprinting.Inference;

namespace RfFingerprint.Fingerprinting.Tests.Inference;

public class FingerprintModelTests
{
    private static string TestData(string name) => Path.Combine(AppContext.BaseDirectory, "testdata-fp", name);

    /// <summary>The preprocessing models/synthetic_dataset.py declares for its 32 x 31 features.</summary>
    private static readonly PreprocessingParameters SmallPreprocessing = new()
    {
        PreambleSymbols = 1, WindowLength = 64, HopLength = 32, FftSize = 64, BinCropStart = 16, BinCropCount = 32, Kind = FeatureKind.Stft,
    };

    private static (float[] Inputs, float[] Outputs, int Count) Reference(string kind)
    {
        var arrays = NpzReader.Read(TestData($"tiny_{kind}.reference.npz"));
        return (arrays["inputs"].As<float>(), arrays["outputs"].As<float>(), (int)arrays["inputs"].Shape[0]);
    }

    [Fact]
    public void Load_ReadsKindVersionClassesAndPreprocessingFromTheModel()
    {
        using var model = FingerprintModel.Load(TestData("tiny_extractor.onnx"));

        Assert.Equal(ModelKind.Extractor, model.Kind);
        Assert.Equal("tiny-extractor", model.ModelVersion);
        Assert.Equal(["dev0", "dev1", "dev2"], model.Classes);
        Assert.Equal(SmallPreprocessing, model.Preprocessing);
        Assert.Equal(8, model.OutputDimension);
        Assert.Equal("features", model.InputName);
        Assert.Equal(64, model.Sha256.Length);
    }

    [Fact]
    public void Load_ReadsTheCardBesideTheModel()
    {
        using var model = FingerprintModel.Load(TestData("tiny_classifier.onnx"));

        Assert.NotNull(model.Card);
        Assert.Equal(5, model.Card.Seed);
        Assert.Equal(model.Sha256, model.Card.OnnxSha256);
        Assert.Equal(model.TrainingDataSha256, model.Card.TrainingDataSha256);
        Assert.True(model.Card.Metrics.ContainsKey("val_accuracy"));
    }

    [Theory]
    [InlineData("classifier")]
    [InlineData("extractor")]
    public void Run_ReproducesPyTorchOutputs(string kind)
    {
        using var model = FingerprintModel.Load(TestData($"tiny_{kind}.onnx"));
        var (inputs, expected, count) = Reference(kind);

        float[] actual = model.Run(inputs, count);

        Assert.Equal(expected.Length, actual.Length);
        Assert.True(TestSignals.MaxAbsDifference(expected, actual) < 1e-4f);
    }

    [Fact]
    public void Run_GivesEachBurstTheSameOutputAloneAsInABatch()
    {
        using var model = FingerprintModel.Load(TestData("tiny_extractor.onnx"));
        var (inputs, _, count) = Reference("extractor");
        float[] batch = model.Run(inputs, count);

        for (int i = 0; i < count; i++)
        {
            float[] single = model.Run(inputs.AsSpan(i * model.FeatureLength, model.FeatureLength), 1);
            Assert.True(TestSignals.MaxAbsDifference(batch.AsSpan(i * model.OutputDimension, model.OutputDimension), single) < 1e-5f);
        }
    }

    [Fact]
    public void Run_IsSafeFromManyThreadsAtOnce()
    {
        using var model = FingerprintModel.Load(TestData("tiny_classifier.onnx"));
        var (inputs, expected, count) = Reference("classifier");
        var worst = new float[16];

        Parallel.For(0, worst.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var output = new float[count * model.OutputDimension];
            model.Run(inputs, count, output);
            worst[i] = TestSignals.MaxAbsDifference(expected, output);
        });

        Assert.All(worst, w => Assert.True(w < 1e-4f));
    }

    [Fact]
    public void Load_RefusesAModelTrainedOnOtherFeaturesNamingTheField()
    {
        var serving = SmallPreprocessing with { HopLength = 16 };

        var e = Assert.Throws<ModelCompatibilityException>(() => FingerprintModel.Load(TestData("tiny_extractor.onnx"), serving));

        Assert.Contains("hop_length: 32 != 16", e.Message, StringComparison.Ordinal);
        Assert.Single(e.Differences);
    }

    [Fact]
    public void EnsureCompatible_AcceptsEqualParameters()
    {
        using var model = FingerprintModel.Load(TestData("tiny_extractor.onnx"));

        model.EnsureCompatible(SmallPreprocessing with { });
        Assert.Equal(SmallPreprocessing.FeatureLength, model.CreateExtractor().FeatureLength);
    }

    [Fact]
    public void Load_RefusesAModelWithoutFingerprintMetadata()
    {
        var e = Assert.Throws<ModelCompatibilityException>(() => FingerprintModel.Load(TestData(Path.Combine("foreign", "tiny_conv_gemm.onnx"))));

        Assert.Contains(ModelMetadataKeys.Preprocessing, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RefusesACardThatDisagreesWithTheModel()
    {
        using var dir = new TempDirectory();
        File.Copy(TestData("tiny_extractor.onnx"), dir.File("m.onnx"));
        string card = File.ReadAllText(TestData("tiny_extractor.card.json")).Replace("\"fft_size\": 64", "\"fft_size\": 128", StringComparison.Ordinal);
        File.WriteAllText(dir.File("m.card.json"), card);

        var e = Assert.Throws<ModelCompatibilityException>(() => FingerprintModel.Load(dir.File("m.onnx")));

        Assert.Contains("fft_size", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_RejectsFeaturesThatDoNotMatchTheBatchSize()
    {
        using var model = FingerprintModel.Load(TestData("tiny_extractor.onnx"));

        var e = Assert.Throws<ArgumentException>(() => model.Run(new float[model.FeatureLength * 2 - 1], 2));

        Assert.Equal("features", e.ParamName);
    }
}
