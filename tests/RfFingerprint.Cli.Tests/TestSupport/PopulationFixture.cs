using System.Globalization;
using RfFingerprint.Simulation;

namespace RfFingerprint.Cli.Tests.TestSupport;

/// <summary>
/// Recordings of three simulated devices (dev00..dev02, four bursts each) and a configuration that serves the tiny test
/// extractor from <c>models/testdata-fp</c>: enough to drive enrolment, identification and replay through the real
/// chain. Each test gets its own registry through <see cref="NewConfig"/>.
/// </summary>
public sealed class PopulationFixture : IDisposable
{
    private readonly TempDirectory _directory = new();

    public PopulationFixture()
    {
        var result = SimulationRunner.Run(new SimulationOptions
        {
            Devices = 3,
            BurstsPerDevice = 4,
            Seed = 21,
            Session = 1,
            SnrDb = 30,
            PayloadBytesMin = 1,
            PayloadBytesMax = 4,
            OutputDirectory = _directory.Path,
        });
        Recordings = result.Recordings.Select(r => r.MetaPath).ToArray();
        ModelPath = Path.Combine(AppContext.BaseDirectory, "testdata-fp", "tiny_extractor.onnx");
        OtherModelPath = Path.Combine(AppContext.BaseDirectory, "testdata-fp", "tiny_classifier.onnx");
    }

    /// <summary>dev00, dev01, dev02 in that order.</summary>
    public IReadOnlyList<string> Recordings { get; }

    public string ModelPath { get; }

    /// <summary>A model whose fingerprints are not comparable with <see cref="ModelPath"/>'s.</summary>
    public string OtherModelPath { get; }

    /// <summary>
    /// A configuration file with a registry of its own and <paramref name="modelPath"/> (default: the tiny extractor);
    /// <paramref name="parallelCaptures"/> sets <c>Pipeline:ParallelCaptures</c> (default: the machine's core count).
    /// </summary>
    public string NewConfig(string? modelPath = null, string? registryPath = null, int? parallelCaptures = null, int? queueCapacity = null)
    {
        var name = Guid.NewGuid().ToString("N");
        var config = _directory.File($"{name}.json");
        var registry = registryPath ?? _directory.File($"{name}.db");
        var pipeline = "\"Threads\": 1";
        if (parallelCaptures is { } parallel)
            pipeline += string.Create(CultureInfo.InvariantCulture, $", \"ParallelCaptures\": {parallel}");
        if (queueCapacity is { } capacity)
            pipeline += string.Create(CultureInfo.InvariantCulture, $", \"QueueCapacity\": {capacity}");
        File.WriteAllText(config, $$"""
            {
              "Registry": { "ConnectionString": "{{registry}}" },
              "Model": { "Path": "{{modelPath ?? ModelPath}}" },
              "Pipeline": { {{pipeline}} }
            }
            """);
        return config;
    }

    public void Dispose() => _directory.Dispose();
}
