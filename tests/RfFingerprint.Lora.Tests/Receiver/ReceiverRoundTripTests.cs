using RfFingerprint.Lora.Evaluation;
using RfFingerprint.Lora.Receiver;

namespace RfFingerprint.Lora.Tests.Receiver;

public class ReceiverRoundTripTests
{
    public static TheoryData<int, double, double, int, bool, int, bool?> Cases => new()
    {
        // sf, bandwidthHz, sampleRateHz, cr, crc, payloadLength, ldro
        { 7, 125_000, 1_000_000, 1, true, 16, null },
        { 7, 125_000, 1_000_000, 4, false, 0, null },
        { 7, 125_000, 500_000, 2, true, 9, true },
        { 8, 250_000, 500_000, 2, true, 255, null },
        { 9, 500_000, 1_000_000, 3, true, 40, null },
        { 10, 125_000, 250_000, 4, true, 8, null },
        { 11, 125_000, 250_000, 1, true, 4, null },
        { 12, 125_000, 250_000, 2, false, 2, null },
        { 12, 500_000, 1_000_000, 1, true, 3, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Frames_with_cfo_timing_offset_and_noise_are_decoded(int sf, double bandwidthHz, double sampleRateHz, int cr, bool crc, int length, bool? ldro)
    {
        var p = new LoraParameters { SpreadingFactor = sf, BandwidthHz = bandwidthHz, SampleRateHz = sampleRateHz, CodingRate = cr, HasCrc = crc, LowDataRateOptimize = ldro };
        var (samples, frames) = BurstStreamGenerator.Generate(new StreamScenario
        {
            Parameters = p,
            FrameCount = 2,
            PayloadLength = length,
            SnrDb = 5,
            MaxCfoHz = bandwidthHz / 8,
            Occupancy = 0.7,
            Seed = sf * 1000 + length,
        });

        var bursts = ReceiverHarness.Receive(new LoraReceiver(ReceiverHarness.OptionsFor(p)), samples, seed: sf);

        Assert.Equal(frames.Length, bursts.Count);
        foreach (var frame in frames)
        {
            var burst = ReceiverHarness.Match(bursts, frame, 1.0);
            Assert.NotNull(burst);
            Assert.Equal(BurstStatus.Decoded, burst.Status);
            Assert.Equal(crc ? true : null, burst.CrcOk);
            Assert.Equal(cr, burst.CodingRate);
            Assert.Equal(frame.Payload, burst.Payload);
            Assert.InRange(burst.CfoHz - frame.CfoHz, -p.BinSpacingHz / 20, p.BinSpacingHz / 20);
            Assert.InRange(burst.SnrDb, 1, 8);
        }
    }

    [Fact]
    public void Implicit_header_frames_are_decoded_with_the_configured_length_and_rate()
    {
        var p = new LoraParameters { SpreadingFactor = 8, CodingRate = 3, ImplicitHeader = true, SampleRateHz = 500_000 };
        var (samples, frames) = BurstStreamGenerator.Generate(new StreamScenario { Parameters = p, FrameCount = 2, PayloadLength = 12, SnrDb = 5, Seed = 4 });
        var options = ReceiverHarness.OptionsFor(p) with { ImplicitHeader = true, ImplicitPayloadLength = 12, ImplicitCodingRate = 3, ImplicitHasCrc = true };

        var bursts = ReceiverHarness.Receive(new LoraReceiver(options), samples, seed: 4);

        Assert.Equal(frames.Select(f => f.Payload), bursts.Select(b => b.Payload));
        Assert.All(bursts, b => Assert.True(b.CrcOk));
    }

    [Fact]
    public void Every_configured_spreading_factor_is_searched_at_once()
    {
        var sf7 = new LoraParameters { SampleRateHz = 500_000 };
        var sf9 = sf7 with { SpreadingFactor = 9 };
        var (first, framesSf7) = BurstStreamGenerator.Generate(new StreamScenario { Parameters = sf7, FrameCount = 2, SnrDb = 5, Seed = 5 });
        var (second, framesSf9) = BurstStreamGenerator.Generate(new StreamScenario { Parameters = sf9, FrameCount = 2, SnrDb = 5, Seed = 6 });
        var options = ReceiverHarness.OptionsFor(sf7) with { SpreadingFactors = [7, 9] };

        var bursts = ReceiverHarness.Receive(new LoraReceiver(options), [.. first, .. second], seed: 5);

        Assert.Equal([7, 7, 9, 9], bursts.Select(b => b.SpreadingFactor));
        Assert.Equal(framesSf7.Concat(framesSf9).Select(f => f.Payload), bursts.Select(b => b.Payload));
    }

    [Fact]
    public void Block_boundaries_do_not_change_the_result()
    {
        var p = new LoraParameters();
        var (samples, _) = BurstStreamGenerator.Generate(new StreamScenario { Parameters = p, FrameCount = 2, SnrDb = 0, Seed = 8 });

        var whole = ReceiverHarness.Receive(new LoraReceiver(ReceiverHarness.OptionsFor(p)), samples, seed: 1, maxBlock: int.MaxValue);
        var pieces = ReceiverHarness.Receive(new LoraReceiver(ReceiverHarness.OptionsFor(p)), samples, seed: 2, maxBlock: 700);

        Assert.Equal(2, whole.Count);
        Assert.Equal(whole.Select(b => (b.SampleStart, b.CfoHz, b.Payload.Length)), pieces.Select(b => (b.SampleStart, b.CfoHz, b.Payload.Length)));
    }

    [Fact]
    public void Burst_positions_are_absolute_stream_indices()
    {
        var p = new LoraParameters();
        var (samples, frames) = BurstStreamGenerator.Generate(new StreamScenario { Parameters = p, FrameCount = 1, SnrDb = 10, Seed = 9 });
        const long offset = 123_456_789_000;

        var burst = Assert.Single(ReceiverHarness.Receive(new LoraReceiver(ReceiverHarness.OptionsFor(p)), samples, seed: 3, firstIndex: offset));

        Assert.InRange(burst.SampleStart + burst.StoSamples - (frames[0].StartSamples + offset), -0.5, 0.5);
    }

    [Fact]
    public void Frames_with_another_sync_word_are_dropped_unless_any_is_accepted()
    {
        var p = new LoraParameters { SyncWord = 0x12 };
        var (samples, _) = BurstStreamGenerator.Generate(new StreamScenario { Parameters = p, FrameCount = 1, SnrDb = 10, Seed = 10 });
        var publicNetwork = ReceiverHarness.OptionsFor(p) with { SyncWord = 0x34 };

        var dropped = ReceiverHarness.Receive(new LoraReceiver(publicNetwork), samples, seed: 1);
        var accepted = ReceiverHarness.Receive(new LoraReceiver(publicNetwork with { AcceptAnySyncWord = true }), samples, seed: 1);

        Assert.Empty(dropped);
        Assert.Equal(0x12, Assert.Single(accepted).SyncWord);
    }

    [Fact]
    public void A_cfo_beyond_a_quarter_bandwidth_is_resolved_through_the_sync_word()
    {
        var p = new LoraParameters();
        var generator = new StreamScenario { Parameters = p, FrameCount = 3, SnrDb = 10, MaxCfoHz = 45_000, Seed = 23 };
        var (samples, frames) = BurstStreamGenerator.Generate(generator);
        Assert.Contains(frames, f => Math.Abs(f.CfoHz) > 31_250);

        var bursts = ReceiverHarness.Receive(new LoraReceiver(ReceiverHarness.OptionsFor(p)), samples, seed: 1);

        Assert.Equal(frames.Select(f => f.Payload), bursts.Select(b => b.Payload));
        Assert.All(frames.Zip(bursts), pair => Assert.InRange(pair.Second.CfoHz - pair.First.CfoHz, -50, 50));
    }
}
