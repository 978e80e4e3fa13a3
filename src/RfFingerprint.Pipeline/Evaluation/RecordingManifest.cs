using System.Globalization;
using RfFingerprint.Simulation;

namespace RfFingerprint.Pipeline.Evaluation;

/// <summary>
/// Marks a folder of simulated recordings as complete for given options and simulator build, so a run with
/// <c>--keep</c> can be followed by another that reuses them (the simulator is deterministic: same build and options,
/// same bytes).
/// </summary>
internal static class RecordingManifest
{
    private const string FileName = "rffp-eval-manifest.txt";

    public static bool Matches(string directory, SimulationOptions options)
    {
        string path = Path.Combine(directory, FileName);
        return File.Exists(path) && File.ReadAllText(path) == Describe(options);
    }

    public static void Write(string directory, SimulationOptions options) => File.WriteAllText(Path.Combine(directory, FileName), Describe(options));

    public static void Remove(string directory)
    {
        if (Directory.Exists(directory))
            Directory.Delete(directory, recursive: true);
    }

    /// <summary>The options that shape the recordings and the simulator assembly's module version id (deterministic builds: it changes with the code).</summary>
    private static string Describe(SimulationOptions options) => string.Create(CultureInfo.InvariantCulture,
        $"simulator {typeof(SimulationRunner).Assembly.ManifestModule.ModuleVersionId}\n" +
        $"devices {string.Join(',', options.DeviceIndices ?? [])}\nbursts {options.BurstsPerDevice}\nseed {options.Seed}\nsession {options.Session}\n" +
        $"snr {options.SnrDb:R} ± {options.SnrSpreadDb:R}\nminutes {options.MinutesSincePowerOn:R}\n");
}
