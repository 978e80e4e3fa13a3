namespace RfFingerprint.OnnxRuntime.Tests;

public sealed class MultipleInputsAndOutputsTests
{
    [Fact]
    public void DescribesBothInputsAndBothOutputsWithTheirElementTypes()
    {
        using var session = new InferenceSession(TwoInputTwoOutputModel.ModelPath);

        Assert.Equal(["a", "b"], session.Inputs.Select(i => i.Name));
        Assert.Equal(["sum", "index"], session.Outputs.Select(o => o.Name));
        Assert.Equal(TensorElementType.Float32, session.Outputs[0].ElementType);
        Assert.Equal(TensorElementType.Int64, session.Outputs[1].ElementType);
    }

    [Fact]
    public void NamedInputsInAnyOrderGiveThePyTorchResult()
    {
        var expected = TwoInputTwoOutputModel.Expected;
        using var session = new InferenceSession(TwoInputTwoOutputModel.ModelPath);

        var results = session.Run(
            [new FloatTensorInput("b", expected.B, expected.Shape), new FloatTensorInput("a", expected.A, expected.Shape)],
            ["sum"]);

        var sum = Assert.Single(results);
        Assert.Equal(expected.Shape, sum.Shape);
        TestModel.AssertClose(expected.Sum, sum.Data);
    }

    [Fact]
    public void RequestingTheSameFloatOutputTwiceReturnsTwoEqualCopies()
    {
        var expected = TwoInputTwoOutputModel.Expected;
        using var session = new InferenceSession(TwoInputTwoOutputModel.ModelPath);

        var results = session.Run(
            [new FloatTensorInput("a", expected.A, expected.Shape), new FloatTensorInput("b", expected.B, expected.Shape)],
            ["sum", "sum"]);

        Assert.Equal(2, results.Count);
        Assert.NotSame(results[0].Data, results[1].Data);
        Assert.Equal(results[0].Data, results[1].Data);
    }

    [Fact]
    public void NonFloatOutputIsRejectedWithItsElementType()
    {
        var expected = TwoInputTwoOutputModel.Expected;
        using var session = new InferenceSession(TwoInputTwoOutputModel.ModelPath);

        var error = Assert.Throws<NotSupportedException>(() => session.Run(
            [new FloatTensorInput("a", expected.A, expected.Shape), new FloatTensorInput("b", expected.B, expected.Shape)],
            ["sum", "index"]));

        Assert.Contains("index", error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(TensorElementType.Int64), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingInputThrowsOnnxRuntimeExceptionNamingIt()
    {
        var expected = TwoInputTwoOutputModel.Expected;
        using var session = new InferenceSession(TwoInputTwoOutputModel.ModelPath);

        var error = Assert.Throws<OnnxRuntimeException>(() => session.Run([new FloatTensorInput("a", expected.A, expected.Shape)], ["sum"]));

        // ONNX Runtime 1.24 notices the gap only when the first node needs it (code RuntimeException).
        Assert.Contains("Missing Input: b", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SingleInputOverloadRefusesAModelWithTwoInputs()
    {
        var expected = TwoInputTwoOutputModel.Expected;
        using var session = new InferenceSession(TwoInputTwoOutputModel.ModelPath);

        Assert.Throws<InvalidOperationException>(() => session.Run(expected.A, expected.Shape));
    }

    [Fact]
    public void InputWhoseLengthDoesNotMatchItsShapeIsRejected()
    {
        var expected = TwoInputTwoOutputModel.Expected;
        using var session = new InferenceSession(TwoInputTwoOutputModel.ModelPath);

        var error = Assert.Throws<ArgumentException>(() => session.Run(
            [new FloatTensorInput("a", expected.A.AsMemory(1), expected.Shape), new FloatTensorInput("b", expected.B, expected.Shape)],
            ["sum"]));

        Assert.Equal("inputs", error.ParamName);
    }
}
