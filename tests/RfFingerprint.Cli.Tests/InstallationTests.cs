using RfFingerprint.Cli.Tests.TestSupport;

namespace RfFingerprint.Cli.Tests;

/// <summary>rffp as installed: its build output, run from a folder that holds no configuration of its own.</summary>
public sealed class InstallationTests
{
    [Fact]
    public async Task Rffp_run_from_an_empty_folder_enrols_with_the_configuration_and_default_model_installed_beside_it()
    {
        using var folder = new TempDirectory();
        var recording = Path.Combine(EvalRepository.Root, "captures", "enrol", "dev01.sigmf-meta");

        using var process = RffpProcess.StartIn(folder.Path, "--registry", folder.File("registry.db"), "enroll", "--device", "dev01", recording);
        var result = await process.WaitForExitAsync();

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "models", "default", "extractor.onnx")));
        Assert.Contains("extractor-", result.Output, StringComparison.Ordinal);
    }
}
