using System.Text.Json.Nodes;
using RfFingerprint.Sdr.SigMF;
using RfFingerprint.Simulation;

namespace RfFingerprint.Cli.Tests.TestSupport;

/// <summary>
/// One recording long enough (320 bursts) that a replay is still busy with it for a good while after its first
/// decision, so a test can kill the process there without racing its end: 40 simulated bursts, the samples repeated 8
/// times (repeating is far cheaper than simulating 320 bursts).
/// </summary>
public sealed class LongRecordingFixture : IDisposable
{
    public const int Repeats = 8;

    private readonly TempDirectory _directory = new();

    public LongRecordingFixture()
    {
        var result = SimulationRunner.Run(new SimulationOptions
        {
            Devices = 1,
            BurstsPerDevice = 40,
            Seed = 31,
            Session = 2,
            SnrDb = 30,
            PayloadBytesMin = 1,
            PayloadBytesMax = 4,
            Datatype = SigMFDatatype.Ci16Le,
            OutputDirectory = _directory.Path,
        });
        Recording = result.Recordings[0].MetaPath;

        var data = SigMFPaths.DataPath(Recording);
        var once = File.ReadAllBytes(data);
        using (var stream = File.Create(data))
        {
            for (var i = 0; i < Repeats; i++)
                stream.Write(once);
        }

        // The simulator's digest covers the single copy only.
        var meta = JsonNode.Parse(File.ReadAllText(Recording))!;
        meta["global"]!.AsObject().Remove("core:sha512");
        File.WriteAllText(Recording, meta.ToJsonString());
    }

    /// <summary>The recording's <c>.sigmf-meta</c> path (also the <c>capture</c> field of its decisions).</summary>
    public string Recording { get; }

    public void Dispose() => _directory.Dispose();
}
