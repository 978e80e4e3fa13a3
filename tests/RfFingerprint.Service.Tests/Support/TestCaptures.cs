using System.Reflection;
using MathNet.Numerics;
using RfFingerprint.Sdr.SigMF;
using RfFingerprint.Simulation;

namespace RfFingerprint.Service.Tests.Support;

/// <summary>
/// Seeded simulated recordings (two devices, SF7, 125 kHz, 1 MS/s) and the committed tiny extractor model, made once
/// per test run and copied into each host's capture folder.
/// </summary>
public static class TestCaptures
{
    private static readonly Lazy<SimulationResult> Simulated = new(Simulate, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Bursts in each device's recording.</summary>
    public const int BurstsPerDevice = 6;

    /// <summary>The repository root, from the build.</summary>
    public static string RepoRoot { get; } = typeof(TestCaptures).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepoRoot").Value!;

    /// <summary>The committed tiny embedding extractor (SF7, 125 kHz, 1 MS/s preprocessing).</summary>
    public static string ModelPath => Path.Combine(RepoRoot, "models", "testdata-fp", "tiny_extractor.onnx");

    /// <summary>Settings that point a host at the test model and make retries quick.</summary>
    public static Dictionary<string, string?> Settings(bool autoStartJobs = true) => new()
    {
        ["Model:Path"] = ModelPath,
        ["Receiver:SpreadingFactors:0"] = "7",
        ["Jobs:AutoStart"] = autoStartJobs ? "true" : "false",
        ["Jobs:RetryAttempts"] = "1",
        ["Jobs:RetryDelaySeconds"] = "1",
        ["Pipeline:Threads"] = "1",
    };

    /// <summary>Recording names (file names of the .sigmf-meta) of the simulated devices, in device order.</summary>
    public static IReadOnlyList<string> DeviceRecordings => Simulated.Value.Recordings.Select(r => Path.GetFileName(r.MetaPath)).ToList();

    /// <summary>The simulated devices' names, as their recordings' annotations give them (enrolment keeps only those bursts).</summary>
    public static IReadOnlyList<string> DeviceNames => DeviceRecordings.Select(r => r[..^SigMFPaths.MetaExtension.Length]).ToList();

    /// <summary>Copies every simulated recording into <paramref name="folder"/>.</summary>
    public static void CopyInto(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (var recording in Simulated.Value.Recordings)
        {
            File.Copy(recording.MetaPath, Path.Combine(folder, Path.GetFileName(recording.MetaPath)), overwrite: true);
            var data = SigMFPaths.DataPath(recording.MetaPath);
            File.Copy(data, Path.Combine(folder, Path.GetFileName(data)), overwrite: true);
        }
    }

    /// <summary>The raw cf32 samples of device <paramref name="index"/>'s recording.</summary>
    public static byte[] RawSamples(int index) => File.ReadAllBytes(SigMFPaths.DataPath(Simulated.Value.Recordings[index].MetaPath));

    /// <summary>Each annotated burst of device <paramref name="index"/>'s recording, cut out with 2 ms of noise either side.</summary>
    public static IReadOnlyList<Complex32[]> SingleBursts(int index)
    {
        using var recording = SigMFRecording.Open(Simulated.Value.Recordings[index].MetaPath);
        var margin = (long)(0.002 * recording.SampleRateHz!.Value);
        return recording.Metadata.Annotations
            .Where(a => a.SampleCount is not null)
            .Select(a =>
            {
                var start = Math.Max(0, a.SampleStart - margin);
                var end = Math.Min(recording.SampleCount, a.SampleStart + a.SampleCount!.Value + margin);
                return recording.ReadSamples(start, (int)(end - start));
            })
            .ToList();
    }

    private static SimulationResult Simulate()
    {
        var folder = new TempFolder();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => folder.Dispose();
        return SimulationRunner.Run(new SimulationOptions
        {
            Devices = 2,
            BurstsPerDevice = BurstsPerDevice,
            Seed = 7,
            Session = 3,
            SnrDb = 25,
            OutputDirectory = folder.Path,
            MaxDegreeOfParallelism = 2,
        });
    }
}
