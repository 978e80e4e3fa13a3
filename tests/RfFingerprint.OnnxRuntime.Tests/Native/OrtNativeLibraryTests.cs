using RfFingerprint.OnnxRuntime.Native;

namespace RfFingerprint.OnnxRuntime.Tests.Native;

public sealed class OrtNativeLibraryTests
{
    private static readonly string Base = Path.Combine(Path.GetTempPath(), "app");
    private static readonly string AssemblyFolder = Path.Combine(Path.GetTempPath(), "lib");

    [Fact]
    public void WithoutOverridesTheApplicationFolderComesFirstThenTheAssemblyFolderThenTheSystemSearch()
    {
        var (candidates, source) = OrtNativeLibrary.Candidates(null, null, Base, AssemblyFolder);

        Assert.Equal(OrtNativeLibrary.CandidateSource.Default, source);
        Assert.Equal(
            [Path.Combine(Base, OrtNativeLibrary.PlatformFileName), Path.Combine(AssemblyFolder, OrtNativeLibrary.PlatformFileName), OrtNativeLibrary.PlatformFileName],
            candidates);
    }

    [Fact]
    public void EnvironmentVariableReplacesTheDefaultSearch()
    {
        var (candidates, source) = OrtNativeLibrary.Candidates(null, "/opt/ort/lib/libonnxruntime.so.1.20.0", Base, AssemblyFolder);

        Assert.Equal(OrtNativeLibrary.CandidateSource.EnvironmentVariable, source);
        Assert.Equal(["/opt/ort/lib/libonnxruntime.so.1.20.0"], candidates);
    }

    [Fact]
    public void ConfiguredPathWinsOverTheEnvironmentVariable()
    {
        var (candidates, source) = OrtNativeLibrary.Candidates("/configured/libonnxruntime.so.1", "/from/env/libonnxruntime.so.1", Base, AssemblyFolder);

        Assert.Equal(OrtNativeLibrary.CandidateSource.Options, source);
        Assert.Equal(["/configured/libonnxruntime.so.1"], candidates);
    }

    [Fact]
    public void AFolderStandsForThePlatformLibraryInsideIt()
    {
        var folder = Directory.CreateTempSubdirectory("rffp-ort-folder-").FullName;
        try
        {
            var (candidates, _) = OrtNativeLibrary.Candidates(null, folder, Base, AssemblyFolder);

            Assert.Equal([Path.Combine(folder, OrtNativeLibrary.PlatformFileName)], candidates);
        }
        finally
        {
            Directory.Delete(folder);
        }
    }

    [Fact]
    public void UnloadableOverrideThrowsDllNotFoundNamingThePathAndTheVariable()
    {
        const string missing = "/nonexistent/rffp/libonnxruntime.so.1";

        var error = Assert.Throws<DllNotFoundException>(() =>
            OrtNativeLibrary.LoadFirst([missing], OrtNativeLibrary.CandidateSource.EnvironmentVariable));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Contains(OrtEnvironment.LibraryPathVariable, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LibraryWithoutTheOrtEntryPointIsRejected()
    {
        // libc loads but is not ONNX Runtime.
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var error = Assert.Throws<DllNotFoundException>(() =>
            OrtNativeLibrary.LoadFirst(["libc.so.6"], OrtNativeLibrary.CandidateSource.Options));

        Assert.Contains("OrtGetApiBase", error.Message, StringComparison.Ordinal);
    }
}
