using MathNet.Numerics;
using RfFingerprint.Simulation;

namespace RfFingerprint.Sdr.Tests.Simulation;

public sealed class SimulatedTrafficSourceTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task Streams_the_bursts_contiguously_with_their_ground_truth()
    {
        var options = SimulationTestData.Small(_dir.Path);
        var bursts = TrafficBurst.DemoScenario([0], rogueDevice: 3, spooferIndex: 3, victimIndex: 0, burstsPerDevice: 1);
        await using var source = new SimulatedTrafficSource(options, bursts, blockSamples: 10_000);

        var samples = new List<Complex32>();
        long expected = 0;
        await foreach (var block in source.ReadAsync())
        {
            Assert.Equal(expected, block.FirstSampleIndex);
            samples.AddRange(block.Samples.ToArray());
            expected += block.Samples.Length;
        }

        Assert.Equal([0, 3, 3], source.RenderedBursts.Select(b => b.Truth.DeviceIndex));
        Assert.True(source.RenderedBursts[2].Truth.Spoofed);
        Assert.All(source.RenderedBursts, b => Assert.InRange(b.SampleStart, 0, samples.Count - 1));
    }

    public void Dispose() => _dir.Dispose();
}
