using System.Runtime.CompilerServices;

namespace RfFingerprint.Cli.Tests;

/// <summary>Finds the repository (models/, appsettings.json) from this source file, since build outputs may live elsewhere.</summary>
internal static class EvalRepository
{
    public static string Root { get; } = Find();

    public static string Configuration => Path.Combine(Root, "appsettings.json");

    public static string TinyExtractor => Path.Combine(Root, "models", "testdata-fp", "tiny_extractor.onnx");

    public static string TinyClassifier => Path.Combine(Root, "models", "testdata-fp", "tiny_classifier.onnx");

    private static string Find([CallerFilePath] string sourceFile = "")
    {
        foreach (string? start in new[] { Path.GetDirectoryName(sourceFile), Directory.GetCurrentDirectory() })
        {
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "RfFingerprint.sln")))
                    return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (RfFingerprint.sln).");
    }
}
