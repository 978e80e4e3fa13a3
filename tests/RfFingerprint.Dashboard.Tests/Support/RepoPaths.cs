using System.Reflection;

namespace RfFingerprint.Dashboard.Tests.Support;

/// <summary>Where the repository's bundled captures and default model are, from the build.</summary>
public static class RepoPaths
{
    public static string Root { get; } = typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepoRoot").Value!;

    public static string EnrolCaptures => Path.Combine(Root, "captures", "enrol");

    public static string Traffic => Path.Combine(Root, "captures", "traffic");

    public static string DefaultModel => Path.Combine(Root, "models", "default", "extractor.onnx");
}
