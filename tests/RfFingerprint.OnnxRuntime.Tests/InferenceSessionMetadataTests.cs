namespace RfFingerprint.OnnxRuntime.Tests;

public sealed class InferenceSessionMetadataTests
{
    [Fact]
    public void InputIsFloatTensorWithDynamicBatchDimension()
    {
        using var session = new InferenceSession(TestModel.ModelPath);

        var input = Assert.Single(session.Inputs);

        Assert.Equal("iq", input.Name);
        Assert.Equal(OnnxValueKind.Tensor, input.Kind);
        Assert.Equal(TensorElementType.Float32, input.ElementType);
        Assert.Equal([-1L, 2L, 32L], input.Shape);
        Assert.Equal(["N", "", ""], input.SymbolicDimensions);
        Assert.False(input.IsFullyDefined);
    }

    [Fact]
    public void OutputIsFloatTensorWithDynamicBatchDimension()
    {
        using var session = new InferenceSession(TestModel.ModelPath);

        var output = Assert.Single(session.Outputs);

        Assert.Equal("logits", output.Name);
        Assert.Equal(TensorElementType.Float32, output.ElementType);
        Assert.Equal([-1L, 3L], output.Shape);
        Assert.Equal("N", output.SymbolicDimensions[0]);
    }

    [Fact]
    public void ModelMetadataCarriesProducerVersionAndDescriptions()
    {
        var expected = TestModel.Expected;
        using var session = new InferenceSession(TestModel.ModelPath);

        var metadata = session.ModelMetadata;

        Assert.Equal(expected.ProducerName, metadata.ProducerName);
        Assert.Equal(expected.ModelVersion, metadata.Version);
        Assert.Equal(expected.GraphName, metadata.GraphName);
        Assert.Equal(expected.Domain, metadata.Domain);
        Assert.Equal(expected.Description, metadata.Description);
        Assert.Equal(expected.GraphDescription, metadata.GraphDescription);
    }

    [Fact]
    public void CustomMetadataMapHoldsEveryKeyValuePairOfTheModel()
    {
        using var session = new InferenceSession(TestModel.ModelPath);

        var custom = session.ModelMetadata.CustomMetadata;

        Assert.Equal(
            TestModel.Expected.CustomMetadata.OrderBy(p => p.Key, StringComparer.Ordinal),
            custom.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void SessionFromBytesDescribesTheSameModelAsFromFile()
    {
        using var fromFile = new InferenceSession(TestModel.ModelPath);
        using var fromBytes = new InferenceSession(File.ReadAllBytes(TestModel.ModelPath));

        Assert.Equal(fromFile.Inputs.Select(i => i.ToString()), fromBytes.Inputs.Select(i => i.ToString()));
        Assert.Equal(fromFile.Outputs.Select(o => o.ToString()), fromBytes.Outputs.Select(o => o.ToString()));
        Assert.Equal(fromFile.ModelMetadata.CustomMetadata.Count, fromBytes.ModelMetadata.CustomMetadata.Count);
    }

    [Fact]
    public void CommittedModelIsTheOneTheExpectedOutputsWereRecordedFor()
    {
        var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(TestModel.ModelPath)));

        Assert.Equal(TestModel.Expected.ModelSha256, sha256);
    }
}
