using Microsoft.Extensions.Logging;
using RfFingerprint.Uhd.Native;
using RfFingerprint.Uhd.Streaming;
using RfFingerprint.Uhd.Tests.TestSupport;

namespace RfFingerprint.Uhd.Tests.Streaming;

/// <summary>
/// The receive thread's bookkeeping (indices, gaps, drops, reconnection) with a scripted radio behind the
/// session seam; libuhd cannot stream without hardware.
/// </summary>
public sealed class UhdIqSourceReceiveLoopTests
{
    private const int BlockSamples = 1000;
    private static readonly TimeSpan TestTimeout = TimeSpan.FromSeconds(20);

    private readonly ListLogger<UhdIqSource> _logger = new();

    [Fact]
    public async Task Contiguous_samples_arrive_in_full_blocks_with_running_indices_and_utc_times()
    {
        var session = new FakeRxSession().ThenSamples(0, BlockSamples, 3);
        await using var source = Source(new FakeRxSessionFactory(session));

        var blocks = await ReadAsync(source, 3);

        Assert.Equal([0L, 1000L, 2000L], blocks.Select(b => b.FirstSampleIndex));
        Assert.All(blocks, b => Assert.Equal(BlockSamples, b.Count));
        Assert.All(blocks, b => Assert.Equal(0, b.SamplesLostBefore));
        Assert.All(blocks, b => Assert.True(b.SamplesMatchIndices));
        Assert.Equal(DateTimeOffset.UnixEpoch.AddMilliseconds(2), blocks[2].FirstSampleTimeUtc);
    }

    [Fact]
    public async Task Indices_count_from_the_stream_start_time_so_samples_before_the_first_packet_are_not_lost()
    {
        // Streaming began 250 samples after the clock was set: the first packet is stamped 250 us.
        var session = new FakeRxSession().ThenSamples(250, BlockSamples, 1);
        await using var source = Source(new FakeRxSessionFactory(session));
        await source.OpenAsync();

        var block = Assert.Single(await ReadAsync(source, 1));

        Assert.Equal(DateTimeOffset.UnixEpoch, source.Info.StartTimeUtc);
        Assert.Equal(new ReceivedBlock(250, BlockSamples, 0, DateTimeOffset.UnixEpoch.AddTicks(2_500), true), block);
        Assert.Equal(0, source.Statistics.SamplesLost);
    }

    [Fact]
    public async Task Small_receives_are_gathered_into_one_block()
    {
        var session = new FakeRxSession().ThenSamples(0, 250, 4);
        await using var source = Source(new FakeRxSessionFactory(session));

        var block = Assert.Single(await ReadAsync(source, 1));

        Assert.Equal(new ReceivedBlock(0, BlockSamples, 0, DateTimeOffset.UnixEpoch, true), block);
    }

    [Fact]
    public async Task An_overflow_is_reported_as_a_gap_sized_from_the_time_stamp_jump()
    {
        var session = new FakeRxSession().Then(FakeStep.Samples(0, 1000), FakeStep.Overflow(), FakeStep.Samples(1500, 1000));
        await using var source = Source(new FakeRxSessionFactory(session));

        var blocks = await ReadAsync(source, 2);

        Assert.Equal(new ReceivedBlock(1500, 1000, 500, DateTimeOffset.UnixEpoch.AddTicks(15_000), true), blocks[1]);
        Assert.Equal(1, source.Statistics.Overflows);
        Assert.Equal(500, source.Statistics.SamplesLost);
        Assert.Equal(1, _logger.Count(LogEvents.Overflow));
    }

    [Fact]
    public async Task An_overflow_ends_the_block_being_filled()
    {
        var session = new FakeRxSession().Then(FakeStep.Samples(0, 400), FakeStep.Overflow(), FakeStep.Samples(700, 1000));
        await using var source = Source(new FakeRxSessionFactory(session));

        var blocks = await ReadAsync(source, 2);

        Assert.Equal((0L, 400, 0L), (blocks[0].FirstSampleIndex, blocks[0].Count, blocks[0].SamplesLostBefore));
        Assert.Equal((700L, 1000, 300L), (blocks[1].FirstSampleIndex, blocks[1].Count, blocks[1].SamplesLostBefore));
        Assert.True(blocks[1].SamplesMatchIndices);
    }

    [Fact]
    public async Task A_time_stamp_jump_without_an_overflow_report_still_splits_the_block_at_the_gap()
    {
        var session = new FakeRxSession().Then(FakeStep.Samples(0, 400), FakeStep.Samples(600, 600), FakeStep.Samples(1200, 400));
        await using var source = Source(new FakeRxSessionFactory(session));

        var blocks = await ReadAsync(source, 2);

        Assert.Equal(new ReceivedBlock(0, 400, 0, DateTimeOffset.UnixEpoch, true), blocks[0]);
        Assert.Equal(new ReceivedBlock(600, 1000, 200, DateTimeOffset.UnixEpoch.AddTicks(6_000), true), blocks[1]);
        Assert.Equal(0, source.Statistics.Overflows);
        Assert.Equal(200, source.Statistics.SamplesLost);
    }

    [Fact]
    public async Task A_slow_consumer_loses_whole_blocks_which_are_counted_and_reported_before_the_next_block()
    {
        // QueueBlocks 2 gives a pool of 4 buffers: the consumer holds block 0, blocks 1-3 wait, blocks 4-9 are dropped.
        var session = new FakeRxSession().ThenSamples(0, BlockSamples, 10);
        await using var source = Source(new FakeRxSessionFactory(session), o => o.QueueBlocks = 2);
        using var timeout = new CancellationTokenSource(TestTimeout);
        var reader = source.ReadAsync(timeout.Token).GetAsyncEnumerator(timeout.Token);
        var blocks = new List<ReceivedBlock>();

        Assert.True(await reader.MoveNextAsync());
        blocks.Add(ReceivedBlock.From(reader.Current));
        Assert.True(session.Drained.Wait(TestTimeout));
        for (int i = 0; i < 3; i++)
        {
            Assert.True(await reader.MoveNextAsync());
            blocks.Add(ReceivedBlock.From(reader.Current));
        }

        session.ThenSamples(10_000, BlockSamples, 1);
        Assert.True(await reader.MoveNextAsync());
        blocks.Add(ReceivedBlock.From(reader.Current));
        await reader.DisposeAsync();

        Assert.Equal([0L, 1000L, 2000L, 3000L, 10_000L], blocks.Select(b => b.FirstSampleIndex));
        Assert.Equal([0L, 0L, 0L, 0L, 6000L], blocks.Select(b => b.SamplesLostBefore));
        Assert.All(blocks, b => Assert.True(b.SamplesMatchIndices));
        Assert.Equal(6000, source.Statistics.SamplesDropped);
        Assert.Equal(6, source.Statistics.BlocksDropped);
        Assert.Equal(0, source.Statistics.SamplesLost);
    }

    [Fact]
    public async Task A_device_lost_while_streaming_is_reopened_and_the_outage_reported_as_a_gap()
    {
        var first = new FakeRxSession().ThenSamples(0, BlockSamples, 2).Then(FakeStep.Fail("recv: connection lost"));
        var second = new FakeRxSession().ThenSamples(5000, BlockSamples, 1);
        var factory = new FakeRxSessionFactory(first, second);
        await using var source = Source(factory);

        var blocks = await ReadAsync(source, 3);

        Assert.Equal([0L, 1000L, 5000L], blocks.Select(b => b.FirstSampleIndex));
        Assert.Equal(3000, blocks[2].SamplesLostBefore);
        Assert.Equal(1, source.Statistics.Reconnects);
        Assert.Equal(2, factory.Opens);
        Assert.Equal(1, first.DisposeCount);
        var lost = Assert.Single(_logger.Entries, e => e.EventId == LogEvents.DeviceLost);
        Assert.Equal(LogLevel.Warning, lost.Level);
        Assert.Contains("connection lost", lost.Exception!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_device_that_stops_sending_is_declared_stalled_and_reopened()
    {
        var first = new FakeRxSession().ThenSamples(0, BlockSamples, 1);
        var second = new FakeRxSession().ThenSamples(3000, BlockSamples, 1);
        await using var source = Source(new FakeRxSessionFactory(first, second), o => o.StallTimeoutSeconds = 0.05);

        var blocks = await ReadAsync(source, 2);

        Assert.Equal((3000L, 2000L), (blocks[1].FirstSampleIndex, blocks[1].SamplesLostBefore));
        Assert.True(source.Statistics.Timeouts >= 5);
        Assert.IsType<UhdStreamStalledException>(_logger.Entries.First(e => e.EventId == LogEvents.DeviceLost).Exception);
    }

    [Fact]
    public async Task When_reopening_fails_every_attempt_reading_ends_with_the_UHD_error()
    {
        var first = new FakeRxSession().ThenSamples(0, BlockSamples, 1).Then(FakeStep.Fail("recv: connection lost"));
        var factory = new FakeRxSessionFactory(first);
        await using var source = Source(factory, o => o.MaxRetryAttempts = 2);
        var blocks = new List<ReceivedBlock>();

        var e = await Assert.ThrowsAsync<UhdException>(async () =>
        {
            await foreach (var block in source.ReadAsync())
            {
                blocks.Add(ReceivedBlock.From(block));
            }
        });

        Assert.Equal(UhdError.Key, e.Error);
        Assert.Single(blocks);
        Assert.Equal(4, factory.Opens);
        Assert.Equal(4, _logger.Count(LogEvents.Opening));
        Assert.Equal(2, _logger.Count(LogEvents.RetryScheduled));
        Assert.Equal(1, _logger.Count(LogEvents.GaveUp));
    }

    [Fact]
    public async Task Opening_succeeds_after_failed_attempts_and_counts_the_retries()
    {
        var session = new FakeRxSession();
        await using var source = Source(new FakeRxSessionFactory(null, null, session), o => o.MaxRetryAttempts = 3);

        await source.OpenAsync();

        Assert.Equal(2, source.Statistics.Retries);
        Assert.Equal(3, _logger.Count(LogEvents.Opening));
        Assert.Equal(2, _logger.Count(LogEvents.RetryScheduled));
        Assert.Equal(0, _logger.Count(LogEvents.GaveUp));
    }

    [Fact]
    public async Task After_opening_Info_holds_what_the_device_reports()
    {
        var session = new FakeRxSession(sampleRateHz: 1_000_000.5);
        await using var source = Source(new FakeRxSessionFactory(session));

        await source.OpenAsync();

        Assert.Equal(1_000_000.5, source.Info.SampleRateHz);
        Assert.Contains("FakeN210", source.Info.Description, StringComparison.Ordinal);
        Assert.Equal("RX2", source.DeviceSettings!.Antenna);
        Assert.Equal(1, _logger.Count(LogEvents.Opened));
    }

    [Fact]
    public async Task Leaving_the_enumeration_stops_streaming_and_releases_the_device()
    {
        var session = new FakeRxSession().ThenSamples(0, BlockSamples, 5);
        await using var source = Source(new FakeRxSessionFactory(session));

        await foreach (var block in source.ReadAsync())
        {
            break;
        }

        Assert.Equal(1, session.DisposeCount);
    }

    [Fact]
    public async Task Disposing_the_source_while_reading_ends_the_enumeration_quietly()
    {
        var session = new FakeRxSession().ThenSamples(0, BlockSamples, 1);
        var source = Source(new FakeRxSessionFactory(session));
        int blocks = 0;

        await foreach (var block in source.ReadAsync())
        {
            blocks++;
            await source.DisposeAsync();
        }

        Assert.Equal(1, blocks);
        Assert.Equal(1, session.DisposeCount);
    }

    [Fact]
    public async Task Without_a_device_clock_set_from_the_host_blocks_carry_no_utc_time()
    {
        var session = new FakeRxSession(timesAreUtc: false).ThenSamples(0, BlockSamples, 2);
        await using var source = Source(new FakeRxSessionFactory(session));

        var blocks = await ReadAsync(source, 2);

        Assert.All(blocks, b => Assert.Null(b.FirstSampleTimeUtc));
        Assert.Equal([0L, 1000L], blocks.Select(b => b.FirstSampleIndex));
    }

    [Fact]
    public async Task Across_a_reconnection_without_comparable_clocks_the_gap_is_estimated_from_the_host_clock()
    {
        // The second device's clock restarts at 0, so time stamps cannot size the outage.
        var first = new FakeRxSession(timesAreUtc: false).ThenSamples(50_000, BlockSamples, 1).Then(FakeStep.Fail("recv: connection lost"));
        var second = new FakeRxSession(timesAreUtc: false).ThenSamples(0, BlockSamples, 1);
        await using var source = Source(new FakeRxSessionFactory(first, second));

        var blocks = await ReadAsync(source, 2);

        Assert.Equal(blocks[0].FirstSampleIndex + BlockSamples + blocks[1].SamplesLostBefore, blocks[1].FirstSampleIndex);
        Assert.True(blocks[1].SamplesLostBefore >= 0);
        Assert.Equal(blocks[1].SamplesLostBefore, source.Statistics.SamplesLost);
    }

    [Fact]
    public async Task ReadAsync_can_be_called_only_once()
    {
        var session = new FakeRxSession().ThenSamples(0, BlockSamples, 1);
        await using var source = Source(new FakeRxSessionFactory(session));
        await ReadAsync(source, 1);

        await Assert.ThrowsAsync<InvalidOperationException>(() => ReadAsync(source, 1));
    }

    [Fact]
    public async Task Cancelling_the_read_throws_OperationCanceledException_and_releases_the_device()
    {
        var session = new FakeRxSession();
        await using var source = Source(new FakeRxSessionFactory(session));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var block in source.ReadAsync(cancel.Token))
            {
                Assert.Fail("the fake radio sends nothing");
            }
        });

        Assert.Equal(1, session.DisposeCount);
    }

    [Fact]
    public async Task Disposing_an_opened_source_that_never_streamed_releases_the_device()
    {
        var session = new FakeRxSession();
        var source = Source(new FakeRxSessionFactory(session));
        await source.OpenAsync();

        await source.DisposeAsync();
        await source.DisposeAsync();

        Assert.Equal(1, session.DisposeCount);
    }

    private UhdIqSource Source(FakeRxSessionFactory factory, Action<UhdOptions>? configure = null)
    {
        var options = new UhdOptions
        {
            Args = "addr=fake",
            BlockSamples = BlockSamples,
            QueueBlocks = 8,
            ReceiveTimeoutSeconds = 0.01,
            StallTimeoutSeconds = 1000,
            MaxRetryAttempts = 2,
            RetryDelay = TimeSpan.FromMilliseconds(1),
            MaxRetryDelay = TimeSpan.FromMilliseconds(5),
        };
        configure?.Invoke(options);
        return new UhdIqSource(options, factory, _logger, TimeProvider.System);
    }

    private static async Task<List<ReceivedBlock>> ReadAsync(UhdIqSource source, int count)
    {
        using var timeout = new CancellationTokenSource(TestTimeout);
        var blocks = new List<ReceivedBlock>();
        await foreach (var block in source.ReadAsync(timeout.Token))
        {
            blocks.Add(ReceivedBlock.From(block));
            if (blocks.Count == count)
            {
                break;
            }
        }

        return blocks;
    }
}
