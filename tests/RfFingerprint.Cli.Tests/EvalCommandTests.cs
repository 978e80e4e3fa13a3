using System.Security.Cryptography;
using RfFingerprint.Cli.Hosting;
using RfFingerprint.Cli.Tests.TestSupport;

namespace RfFingerprint.Cli.Tests;

public sealed class EvalCommandTests
{
    [Fact]
    public async Task Quick_eval_with_a_tiny_extractor_writes_every_table_and_deletes_the_work_folder_it_created()
    {
        using var temp = new TempDirectory();
        string report = temp.File("report.md");
        string work = temp.File("work");

        var result = await CliRunner.RunAsync("eval", "--quick", "--config", EvalRepository.Configuration, "--model", EvalRepository.TinyExtractor,
            "--out", report, "--work", work, "--seed", "2000");

        Assert.True(result.ExitCode == ExitCodes.Success, result.Error);
        string markdown = await File.ReadAllTextAsync(report);
        string sha256 = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(EvalRepository.TinyExtractor)));
        Assert.Contains(sha256, markdown, StringComparison.Ordinal);
        Assert.Contains("Population seed 2000", markdown, StringComparison.Ordinal);
        foreach (string heading in new[] { "## Data", "## Targets", "## 1. Closed set", "## 2a. Accuracy against SNR", "## 2b. Accuracy against the number of devices", "## 3. Open set", "## 4. Baselines", "## 5. Speed" })
            Assert.Contains(heading, markdown, StringComparison.Ordinal);
        Assert.Contains("| classifier trained on day 1 | no |", markdown, StringComparison.Ordinal);
        Assert.Contains("| classifier trained on day 1 | yes |", markdown, StringComparison.Ordinal);
        Assert.False(Directory.Exists(work));
    }

    [Fact]
    public async Task Eval_refuses_a_classifier_as_the_model_under_test()
    {
        using var temp = new TempDirectory();

        var result = await CliRunner.RunAsync("eval", "--quick", "--config", EvalRepository.Configuration, "--model", EvalRepository.TinyClassifier,
            "--out", temp.File("report.md"), "--work", temp.File("work"));

        Assert.Equal(ExitCodes.InputError, result.ExitCode);
        Assert.Contains("needs an extractor", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(temp.File("report.md")));
    }

    [Fact]
    public async Task Eval_without_the_model_file_says_how_to_make_one()
    {
        using var temp = new TempDirectory();

        var result = await CliRunner.RunAsync("eval", "--quick", "--model", temp.File("missing.onnx"), "--out", temp.File("report.md"));

        Assert.Equal(ExitCodes.InputError, result.ExitCode);
        Assert.Contains("rffp train --kind extractor", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_rejects_a_negative_number_of_classifier_epochs()
    {
        using var temp = new TempDirectory();

        var result = await CliRunner.RunAsync("eval", "--quick", "--classifier-epochs", "-1", "--model", EvalRepository.TinyExtractor, "--out", temp.File("report.md"));

        Assert.Equal(ExitCodes.InputError, result.ExitCode);
        Assert.Contains("ClassifierEpochs", result.Error, StringComparison.Ordinal);
    }
}
