using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace RfFingerprint.OnnxRuntime.Tests;

public sealed class OrtEnvironmentTests(ITestOutputHelper output)
{
    [Fact]
    public void SharedEnvironmentReportsTheLoadedRuntimeVersion()
    {
        var environment = OrtEnvironment.Shared;
        output.WriteLine($"Loaded ONNX Runtime {environment.RuntimeVersion}, API version {environment.ApiVersion}, from {environment.LibraryPath}");

        Assert.Matches(new Regex(@"^\d+\.\d+\.\d+"), environment.RuntimeVersion);
        Assert.InRange(environment.ApiVersion, 11, 24);
    }

    [Fact]
    public void BuildPlacesTheNativeLibraryBesideTheTestAssembly()
    {
        var expected = OperatingSystem.IsWindows() ? "onnxruntime.dll"
            : OperatingSystem.IsMacOS() ? "libonnxruntime.dylib"
            : "libonnxruntime.so.1";

        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, expected)), $"{expected} missing from {AppContext.BaseDirectory}");
    }

    [Fact]
    public void SecondEnvironmentOnTheSameLibraryRunsSessions()
    {
        var example = TestModel.Case("single");
        var shared = OrtEnvironment.Shared;
        using var environment = new OrtEnvironment(new OrtEnvironmentOptions { LibraryPath = shared.LibraryPath, LogLevel = OrtLoggingLevel.Error });
        using var session = new InferenceSession(TestModel.ModelPath, environment: environment);

        var result = session.Run("iq", example.Input, example.InputShape, "logits");

        Assert.Same(environment, session.Environment);
        TestModel.AssertClose(example.Output, result.Data);
    }

    [Fact]
    public void SessionKeepsWorkingAfterItsEnvironmentIsDisposed()
    {
        var example = TestModel.Case("single");
        var environment = new OrtEnvironment(new OrtEnvironmentOptions { LibraryPath = OrtEnvironment.Shared.LibraryPath });
        using var session = new InferenceSession(TestModel.ModelPath, environment: environment);
        environment.Dispose();

        var result = session.Run("iq", example.Input, example.InputShape, "logits");

        TestModel.AssertClose(example.Output, result.Data);
    }

    [Fact]
    public void AskingForADifferentLibraryOnceOneIsLoadedThrows()
    {
        _ = OrtEnvironment.Shared;
        var other = Path.Combine(Path.GetTempPath(), "elsewhere", "libonnxruntime.so.1");

        var error = Assert.Throws<InvalidOperationException>(() => new OrtEnvironment(new OrtEnvironmentOptions { LibraryPath = other }));

        Assert.Contains(other, error.Message, StringComparison.Ordinal);
    }
}
