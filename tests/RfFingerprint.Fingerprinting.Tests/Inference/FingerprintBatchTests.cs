using MathNet.Numerics;
using RfFingerprint.Fingerprinting.Datasets;
using RfFingerprint.Fingerprinting.Decisions;
using RfFingerprint.Fingerprinting.Inference;

namespace RfFingerprint.Fingerprinting.Tests.Inference;

public class FingerprintBatchTests
{
    private static string TestData(string name) => Path.Combine(AppContext.BaseDirectory, "testdata-fp", name);

    private static (float[] Inputs, int Count) ReferenceInputs()
    {
        var arrays = NpzReader.Read(TestData("tiny_extractor.reference.npz"));
        return (arrays["inputs"].As<float>(), (int)arrays["inputs"].Shape[0]);
    }

    [Fact]
    public void Run_GivesEachSlotTheModelsOutputForItsFeatures()
    {
        using var model = FingerprintModel.Load(TestData("tiny_extractor.onnx"));
        var (inputs, count) = ReferenceInputs();
        var batch = new FingerprintBatch(model, capacity: 4);
        for (int i = 0; i < count; i++)
            batch.AddFeatures(inputs.AsSpan(i * model.FeatureLength, model.FeatureLength));

        batch.Run();

        float[] expected = model.Run(inputs.AsSpan(model.FeatureLength, model.FeatureLength), 1);
        Assert.True(TestSignals.MaxAbsDifference(expected, batch.Output(1)) < 1e-5f);
    }

    [Fact]
    public void Add_ExtractsFeaturesWithTheModelsPreprocessing()
    {
        using var model = FingerprintModel.Load(TestData("tiny_extractor.onnx"));
        var batch = new FingerprintBatch(model, capacity: 2);
        var chirp = TestSignals.UpChirps(1, 7, 125_000, 1_000_000);
        var expected = new float[model.FeatureLength];
        model.CreateExtractor().Extract(chirp, 500, expected);

        int slot = batch.Add(chirp, 500);

        Assert.Equal(expected, batch.Features(slot).ToArray());
    }

    [Fact]
    public void RejectedBurst_LeavesTheBatchUnchanged()
    {
        using var model = FingerprintModel.Load(TestData("tiny_extractor.onnx"));
        var batch = new FingerprintBatch(model, capacity: 2);

        Assert.Throws<ArgumentException>(() => batch.Add(new Complex32[10], 0));
        Assert.Equal(0, batch.Count);
    }

    [Fact]
    public void FullBatch_RefusesMoreBursts()
    {
        using var model = FingerprintModel.Load(TestData("tiny_extractor.onnx"));
        var batch = new FingerprintBatch(model, capacity: 1);
        batch.AddFeatures(new float[model.FeatureLength]);

        Assert.True(batch.IsFull);
        Assert.Throws<InvalidOperationException>(() => batch.AddFeatures(new float[model.FeatureLength]));
    }

    [Fact]
    public void Output_BeforeRun_IsRefused()
    {
        using var model = FingerprintModel.Load(TestData("tiny_extractor.onnx"));
        var batch = new FingerprintBatch(model, capacity: 1);
        batch.AddFeatures(new float[model.FeatureLength]);

        Assert.Throws<InvalidOperationException>(() => batch.Output(0).Length);
    }

    [Fact]
    public void Enrol_Extractor_StoresOneEmbeddingPerBurst()
    {
        using var model = FingerprintModel.Load(TestData("tiny_extractor.onnx"));
        var (inputs, count) = ReferenceInputs();

        var enrolment = DeviceEnrolment.Enrol(model, "dev-7", inputs, count, Enumerable.Repeat(-1200.0, count).ToArray());

        Assert.Equal(count, enrolment.EmbeddingCount);
        Assert.Equal(model.OutputDimension, enrolment.EmbeddingDimension);
        Assert.Equal("tiny-extractor", enrolment.ModelVersion);
        Assert.Equal(-1200, enrolment.Cfo.MeanHz);
    }

    [Fact]
    public void Enrol_Classifier_FindsTheDevicesClass()
    {
        using var model = FingerprintModel.Load(TestData("tiny_classifier.onnx"));
        var (inputs, count) = ReferenceInputs();

        var enrolment = DeviceEnrolment.Enrol(model, "registry-42", inputs, count, new double[count], className: "dev2");

        Assert.Equal(2, enrolment.ClassIndex);
    }

    [Fact]
    public void Enrol_Classifier_RefusesADeviceItWasNotTrainedOn()
    {
        using var model = FingerprintModel.Load(TestData("tiny_classifier.onnx"));
        var (inputs, count) = ReferenceInputs();

        var e = Assert.Throws<ArgumentException>(() => DeviceEnrolment.Enrol(model, "newcomer", inputs, count, new double[count]));

        Assert.Contains("newcomer", e.Message, StringComparison.Ordinal);
    }
}
