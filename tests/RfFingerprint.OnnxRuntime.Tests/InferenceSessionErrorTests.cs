namespace RfFingerprint.OnnxRuntime.Tests;

public sealed class InferenceSessionErrorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rffp-onnx-tests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void TruncatedModelFileThrowsInvalidProtobuf()
    {
        var bytes = File.ReadAllBytes(TestModel.ModelPath);
        var path = Path.Combine(_folder, "truncated.onnx");
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<OnnxRuntimeException>(() => new InferenceSession(path));

        Assert.Equal(OrtErrorCode.InvalidProtobuf, error.ErrorCode);
        Assert.Contains("truncated.onnx", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CorruptModelBytesThrowInvalidProtobuf()
    {
        var random = new Random(1234);
        var garbage = new byte[512];
        random.NextBytes(garbage);

        var error = Assert.Throws<OnnxRuntimeException>(() => new InferenceSession(garbage));

        Assert.Equal(OrtErrorCode.InvalidProtobuf, error.ErrorCode);
        Assert.Contains("protobuf", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void MissingModelFileThrowsNoSuchFile()
    {
        var path = Path.Combine(_folder, "does_not_exist.onnx");

        var error = Assert.Throws<OnnxRuntimeException>(() => new InferenceSession(path));

        Assert.Equal(OrtErrorCode.NoSuchFile, error.ErrorCode);
        Assert.Contains("does_not_exist.onnx", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongInputShapeThrowsInvalidArgumentNamingTheInput()
    {
        using var session = new InferenceSession(TestModel.ModelPath);
        var data = new float[2 * 3 * 32];

        var error = Assert.Throws<OnnxRuntimeException>(() => session.Run("iq", data, [2, 3, 32], "logits"));

        Assert.Equal(OrtErrorCode.InvalidArgument, error.ErrorCode);
        Assert.Contains("iq", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongInputRankThrowsInvalidArgument()
    {
        using var session = new InferenceSession(TestModel.ModelPath);
        var data = new float[64];

        var error = Assert.Throws<OnnxRuntimeException>(() => session.Run("iq", data, [64], "logits"));

        Assert.Equal(OrtErrorCode.InvalidArgument, error.ErrorCode);
    }

    [Fact]
    public void WrongInputNameThrowsInvalidArgumentNamingIt()
    {
        var example = TestModel.Case("single");
        using var session = new InferenceSession(TestModel.ModelPath);

        var error = Assert.Throws<OnnxRuntimeException>(() => session.Run("not_an_input", example.Input, example.InputShape, "logits"));

        Assert.Equal(OrtErrorCode.InvalidArgument, error.ErrorCode);
        Assert.Contains("not_an_input", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongOutputNameThrowsInvalidArgumentNamingIt()
    {
        var example = TestModel.Case("single");
        using var session = new InferenceSession(TestModel.ModelPath);

        var error = Assert.Throws<OnnxRuntimeException>(() => session.Run("iq", example.Input, example.InputShape, "nope"));

        Assert.Equal(OrtErrorCode.InvalidArgument, error.ErrorCode);
        Assert.Contains("nope", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SessionStillRunsCorrectlyAfterARejectedRun()
    {
        var example = TestModel.Case("single");
        using var session = new InferenceSession(TestModel.ModelPath);
        Assert.Throws<OnnxRuntimeException>(() => session.Run("iq", new float[96], [1, 3, 32], "logits"));

        var result = session.Run("iq", example.Input, example.InputShape, "logits");

        TestModel.AssertClose(example.Output, result.Data);
    }

    [Fact]
    public void DataLengthThatDoesNotMatchTheShapeIsRejectedBeforeReachingTheRuntime()
    {
        using var session = new InferenceSession(TestModel.ModelPath);

        var error = Assert.Throws<ArgumentException>(() => session.Run("iq", new float[63], [1, 2, 32], "logits"));

        Assert.Equal("data", error.ParamName);
    }

    [Fact]
    public void NegativeDimensionIsRejected()
    {
        using var session = new InferenceSession(TestModel.ModelPath);

        var error = Assert.Throws<ArgumentException>(() => session.Run("iq", new float[64], [-1, 2, 32], "logits"));

        Assert.Equal("data", error.ParamName);
    }

    [Fact]
    public void DestinationShorterThanTheOutputIsRejected()
    {
        var example = TestModel.Case("batch5");
        using var session = new InferenceSession(TestModel.ModelPath);

        var error = Assert.Throws<ArgumentException>(() =>
            session.Run("iq", example.Input, example.InputShape, "logits", new float[example.Output.Length - 1]));

        Assert.Equal("destination", error.ParamName);
    }

    [Fact]
    public void RunAfterDisposeThrowsObjectDisposed()
    {
        var example = TestModel.Case("single");
        var session = new InferenceSession(TestModel.ModelPath);
        session.Dispose();

        Assert.Throws<ObjectDisposedException>(() => session.Run("iq", example.Input, example.InputShape, "logits"));
    }

    [Fact]
    public void NegativeThreadCountIsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new InferenceSession(TestModel.ModelPath, new SessionOptions { IntraOpThreads = -1 }));
    }

    [Fact]
    public void EmptyModelBytesAreRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new InferenceSession(ReadOnlySpan<byte>.Empty));

        Assert.Equal("modelBytes", error.ParamName);
    }
}
