using RfFingerprint.Simulation;

namespace RfFingerprint.Cli.Tests.TestSupport;

/// <summary>One small simulated recording (one device, three bursts at 30 dB) shared by the tests of a class.</summary>
public sealed class SimulatedRecordingFixture : IDisposable
{
    private readonly TempDirectory _directory = new();

    public SimulatedRecordingFixture()
    {
        var result = SimulationRunner.Run(new SimulationOptions
        {
            Devices = 1,
            BurstsPerDevice = 3,
            Seed = 11,
            Session = 5,
            SnrDb = 30,
            OutputDirectory = _directory.Path,
        });
        MetaPath = result.Recordings[0].MetaPath;
    }

    public string MetaPath { get; }

    public void Dispose() => _directory.Dispose();
}
