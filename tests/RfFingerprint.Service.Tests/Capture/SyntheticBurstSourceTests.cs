using MathNet.Numerics;
using RfFingerprint.Sdr.Streaming;

namespace RfFingerprint.Service.Tests.Capture;

/// <summary>The synthetic radio stand-in the capture benchmark and soak tests feed the worker with.</summary>
public sealed class SyntheticBurstSourceTests
{
    private static readonly Complex32[] Burst = Enumerable.Repeat(new Complex32(1, 0), 1000).ToArray();

    [Fact]
    public async Task UnpacedStream_DeliversEverySampleContiguouslyWithBurstsAtTheOccupancy()
    {
        var source = new SyntheticBurstSource(new SyntheticBurstSourceOptions
        {
            Bursts = [Burst],
            Occupancy = 0.2,
            NoiseRms = 0,
            TotalSamples = 2_000_000,
            BlockSamples = 4099,
        });

        long expectedIndex = 0;
        long burstSamples = 0;
        await foreach (var block in source.ReadAsync())
        {
            Assert.Equal(expectedIndex, block.FirstSampleIndex);
            Assert.Equal(0, block.SamplesLostBefore);
            expectedIndex += block.Samples.Length;
            foreach (var x in block.Samples.Span)
            {
                burstSamples += x.Real == 1 ? 1 : 0;
            }
        }

        Assert.Equal(2_000_000, expectedIndex);
        Assert.Equal(2_000_000, source.SamplesDelivered);
        Assert.InRange(burstSamples / 2e6, 0.17, 0.23);
        Assert.InRange(source.BurstsStarted * Burst.Length - burstSamples, 0, Burst.Length);
    }

    [Fact]
    public async Task ConsumerSlowerThanTheClock_SkippedSamplesAreReportedAsLostAndIndicesStayExact()
    {
        var source = new SyntheticBurstSource(new SyntheticBurstSourceOptions
        {
            Bursts = [Burst],
            DeliveryRateSamplesPerSecond = 1e6,
            MaxLagSeconds = 0.01,
            BlockSamples = 1000,
            TotalSamples = 400_000,
        });

        long expectedIndex = 0;
        long lost = 0;
        var blocks = 0;
        await foreach (var block in source.ReadAsync())
        {
            Assert.Equal(expectedIndex + block.SamplesLostBefore, block.FirstSampleIndex);
            lost += block.SamplesLostBefore;
            expectedIndex = block.FirstSampleIndex + block.Samples.Length;
            if (++blocks == 2)
            {
                // Stall well past the allowed lag, like a receive loop that was not scheduled.
                await Task.Delay(100);
            }
        }

        Assert.True(lost > 0);
        // A skip that reaches the end of the stream has no later block to report it in: it is exactly the tail the
        // blocks never reached (how long that tail is depends on scheduling, so only the accounting is asserted).
        Assert.Equal(400_000 - expectedIndex, source.SamplesSkipped - lost);
        Assert.Equal(400_000, source.SamplesDelivered + source.SamplesSkipped);
    }

    [Fact]
    public void Options_WithOccupancyOutsideZeroToOne_AreRefusedNamingTheField()
    {
        var options = new SyntheticBurstSourceOptions { Bursts = [Burst], Occupancy = 1 };

        var error = Assert.Throws<ArgumentException>(() => new SyntheticBurstSource(options));

        Assert.Equal("Occupancy", error.ParamName);
    }
}
