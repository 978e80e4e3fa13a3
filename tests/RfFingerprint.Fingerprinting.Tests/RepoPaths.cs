using System.Runtime.CompilerServices;

namespace RfFingerprint.Fingerprinting.Tests;

/// <summary>Finds the repository (for models/ scripts and test data) from this source file or the working directory.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = Find();

    public static string Models => Path.Combine(Root, "models");

    private static string Find([CallerFilePath] string sourceFile = "")
    {
        foreach (string? start in new[] { Path.GetDirectoryName(sourceFile), Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
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
