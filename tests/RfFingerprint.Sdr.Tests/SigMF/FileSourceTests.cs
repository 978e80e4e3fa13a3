using MathNet.Numerics;
using RfFingerprint.Sdr.SigMF;

namespace RfFingerprint.Sdr.Tests.SigMF;

public sealed class FileSourceTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public async Task Consumer_sees_every_sample_exactly_once_in_order_across_block_boundaries()
    {
        var samples = TestSignals.Ramp(12_345);
        string path = _dir.File("ramp");
        SigMFRecordingWriter.Write(path, new SigMFGlobal { Datatype = SigMFDatatype.Cf32Le, SampleRateHz = 1e6 }, samples,
            [new SigMFCapture { SampleStart = 0 }, new SigMFCapture { SampleStart = 4_000 }, new SigMFCapture { SampleStart = 4_001 }]);

        await using var source = SigMFFileSource.Open(path, new SigMFReplayOptions { BlockSamples = 1_000 });
        var seen = new List<Complex32>();
        long expectedIndex = 0;
        await foreach (var block in source.ReadAsync())
        {
            Assert.Equal(expectedIndex, block.FirstSampleIndex);
            Assert.Equal(0, block.SamplesLostBefore);
            Assert.InRange(block.Samples.Length, 1, 1_000);
            seen.AddRange(block.Samples.ToArray());
            expectedIndex += block.Samples.Length;
        }

        Assert.Equal(samples, seen);
    }

    [Fact]
    public async Task Blocks_end_at_capture_segment_boundaries()
    {
        string path = _dir.File("segments");
        SigMFRecordingWriter.Write(path, new SigMFGlobal { Datatype = SigMFDatatype.Cf32Le, SampleRateHz = 1e6 }, new Complex32[2_500],
            [new SigMFCapture { SampleStart = 0 }, new SigMFCapture { SampleStart = 1_500 }]);

        await using var source = SigMFFileSource.Open(path, new SigMFReplayOptions { BlockSamples = 1_000 });
        var starts = new List<long>();
        await foreach (var block in source.ReadAsync())
        {
            starts.Add(block.FirstSampleIndex);
        }

        Assert.Equal([0L, 1_000, 1_500], starts);
    }

    [Fact]
    public async Task Block_times_follow_the_capture_datetime()
    {
        var start = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        string path = _dir.File("timed");
        SigMFRecordingWriter.Write(path, new SigMFGlobal { Datatype = SigMFDatatype.Ci16Le, SampleRateHz = 1e3 }, new Complex32[3_000],
            [new SigMFCapture { SampleStart = 0, DateTimeUtc = start, FrequencyHz = 868.1e6 }]);

        await using var source = SigMFFileSource.Open(path, new SigMFReplayOptions { BlockSamples = 1_000 });
        var times = new List<DateTimeOffset?>();
        await foreach (var block in source.ReadAsync())
        {
            times.Add(block.FirstSampleTimeUtc);
        }

        Assert.Equal(868.1e6, source.Info.CenterFrequencyHz);
        Assert.Equal(1e3, source.Info.SampleRateHz);
        Assert.Equal([start, start.AddSeconds(1), start.AddSeconds(2)], times);
    }

    [Fact]
    public async Task Following_global_index_reports_the_gaps_between_segments()
    {
        string path = _dir.File("bursts");
        SigMFRecordingWriter.Write(path, new SigMFGlobal { Datatype = SigMFDatatype.Cf32Le, SampleRateHz = 1e6 }, TestSignals.Ramp(300),
            [new SigMFCapture { SampleStart = 0, GlobalIndex = 5_000 }, new SigMFCapture { SampleStart = 100, GlobalIndex = 9_000 }]);

        await using var source = SigMFFileSource.Open(path, new SigMFReplayOptions { FollowGlobalIndex = true });
        var blocks = new List<(long Index, long Lost, int Length)>();
        await foreach (var block in source.ReadAsync())
        {
            blocks.Add((block.FirstSampleIndex, block.SamplesLostBefore, block.Samples.Length));
        }

        Assert.Equal([(5_000L, 0L, 100), (9_000L, 3_900L, 200)], blocks);
    }

    [Fact]
    public async Task A_sub_range_replays_only_those_samples()
    {
        var samples = TestSignals.Ramp(1_000);
        string path = _dir.File("range");
        SigMFRecordingWriter.Write(path, new SigMFGlobal { Datatype = SigMFDatatype.Cf32Le, SampleRateHz = 1e6 }, samples);

        await using var source = SigMFFileSource.Open(path, new SigMFReplayOptions { StartSample = 250, SampleCount = 333, BlockSamples = 100 });
        var seen = new List<Complex32>();
        await foreach (var block in source.ReadAsync())
        {
            seen.AddRange(block.Samples.ToArray());
        }

        Assert.Equal(samples.Skip(250).Take(333), seen);
    }

    [Fact]
    public async Task Cancellation_stops_the_replay()
    {
        string path = _dir.File("cancel");
        SigMFRecordingWriter.Write(path, new SigMFGlobal { Datatype = SigMFDatatype.Cf32Le, SampleRateHz = 1e6 }, new Complex32[10_000]);
        using var cts = new CancellationTokenSource();

        await using var source = SigMFFileSource.Open(path, new SigMFReplayOptions { BlockSamples = 100 });
        int blocks = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var block in source.ReadAsync(cts.Token))
            {
                if (++blocks == 3)
                {
                    await cts.CancelAsync();
                }
            }
        });

        Assert.Equal(3, blocks);
    }

    [Fact]
    public void A_recording_without_sample_rate_needs_a_fallback()
    {
        string path = _dir.File("norate");
        SigMFRecordingWriter.Write(path, new SigMFGlobal { Datatype = SigMFDatatype.Cf32Le }, new Complex32[10]);

        var ex = Assert.Throws<SigMFFormatException>(() => SigMFFileSource.Open(path));

        Assert.Equal("global.core:sample_rate", ex.Field);
    }

    public void Dispose() => _dir.Dispose();
}
