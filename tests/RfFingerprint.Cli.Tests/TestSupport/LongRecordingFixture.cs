using RfFingerprint.Simulation;

namespace RfFingerprint.Cli.Tests.TestSupport;

/// <summary>
/// One simulated recording long enough (40 bursts) that a replay is still busy with it well after its first decision,
/// so a test can kill the process there.
/// </summary>
public sealed class LongRecordingFixture : IDisposable
{
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
            OutputDirectory = _directory.Path,
        });
        Recording = result.Recordings[0].MetaPath;
    }

    /// <summary>The recording's <c>.sigmf-meta</c> path (also the <c>capture</c> field of its decisions).</summary>
    public string Recording { get; }

    public void Dispose() => _directory.Dispose();
}
