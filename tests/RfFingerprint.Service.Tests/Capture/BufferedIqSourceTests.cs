using RfFingerprint.Sdr.SigMF;
using RfFingerprint.Service.Capture;
using RfFingerprint.Service.Tests.Support;

namespace RfFingerprint.Service.Tests.Capture;

/// <summary>The queue between a live source and the pipeline: the source never waits, and every lost sample is counted.</summary>
public sealed class BufferedIqSourceTests
{
    [Fact]
    public async Task StalledConsumer_SourceRunsToTheEndAndEveryDroppedSampleIsCountedAndAnnounced()
    {
        using var folder = new TempFolder();
        TestCaptures.CopyInto(folder.Path);
        var path = Path.Combine(folder.Path, TestCaptures.DeviceRecordings[0]);
        long total;
        using (var recording = SigMFRecording.Open(path))
            total = recording.SampleCount;
        await using var source = new BufferedIqSource(SigMFFileSource.Open(path, new SigMFReplayOptions { BlockSamples = 4096 }), capacityBlocks: 4);

        long delivered = 0, announcedLost = 0;
        await using var blocks = source.ReadAsync().GetAsyncEnumerator();
        Assert.True(await blocks.MoveNextAsync());
        delivered += blocks.Current.Samples.Length;

        // The consumer holds its first block while the source is read to its end: a pump that waited for the
        // consumer would never get there.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (source.Counters.SamplesReceived < total)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the source stalled at {source.Counters.SamplesReceived} of {total} samples");
            await Task.Delay(20);
        }

        while (await blocks.MoveNextAsync())
        {
            delivered += blocks.Current.Samples.Length;
            announcedLost += blocks.Current.SamplesLostBefore;
        }

        Assert.True(source.Counters.SamplesDropped > 0, "a queue of 4 blocks cannot hold a whole recording");
        Assert.Equal(total, delivered + source.Counters.SamplesDropped);
        Assert.True(announcedLost <= source.Counters.SamplesDropped);
        Assert.True(source.Counters.BlocksDropped > 0);
    }

    [Fact]
    public async Task KeptUpConsumer_SeesEverySampleInOrder()
    {
        using var folder = new TempFolder();
        TestCaptures.CopyInto(folder.Path);
        var path = Path.Combine(folder.Path, TestCaptures.DeviceRecordings[1]);
        long total;
        using (var recording = SigMFRecording.Open(path))
            total = recording.SampleCount;
        await using var source = new BufferedIqSource(SigMFFileSource.Open(path, new SigMFReplayOptions { BlockSamples = 4096 }), capacityBlocks: 100_000);

        long delivered = 0, expectedIndex = 0;
        await foreach (var block in source.ReadAsync())
        {
            Assert.Equal(expectedIndex, block.FirstSampleIndex);
            expectedIndex += block.Samples.Length;
            delivered += block.Samples.Length;
        }

        Assert.Equal(total, delivered);
        Assert.Equal(0, source.Counters.SamplesDropped);
    }
}
