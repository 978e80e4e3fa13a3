namespace RfFingerprint.OnnxRuntime.Tests;

public sealed class InferenceSessionLifetimeTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rffp-onnx-tests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void ModelPathWithNonAsciiCharactersLoads()
    {
        var example = TestModel.Case("single");
        var folder = Directory.CreateDirectory(Path.Combine(_folder, "modèle-λ-模型")).FullName;
        var path = Path.Combine(folder, "tiny.onnx");
        File.Copy(TestModel.ModelPath, path);
        using var session = new InferenceSession(path);

        var result = session.Run("iq", example.Input, example.InputShape, "logits");

        TestModel.AssertClose(example.Output, result.Data);
    }

    [Fact]
    public void SessionsLeftToTheFinalizerAreReleasedWithoutHarmingLaterSessions()
    {
        var example = TestModel.Case("single");
        AbandonSessions(4);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var session = new InferenceSession(TestModel.ModelPath);

        var result = session.Run("iq", example.Input, example.InputShape, "logits");

        TestModel.AssertClose(example.Output, result.Data);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void AbandonSessions(int count)
    {
        for (var i = 0; i < count; i++)
        {
            _ = new InferenceSession(TestModel.ModelPath).Inputs.Count;
        }
    }
}
