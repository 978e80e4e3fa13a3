using MathNet.Numerics;
using RfFingerprint.Lora.Evaluation;
using RfFingerprint.Lora.Receiver;

namespace RfFingerprint.Lora.Tests.Receiver;

public class ReceiverRobustnessTests
{
    private static readonly LoraParameters Sf7 = new() { SampleRateHz = 500_000 };

    [Fact]
    public void Nan_and_infinite_samples_are_zeroed_and_counted_without_throwing()
    {
        var (samples, frames) = BurstStreamGenerator.Generate(new StreamScenario { Parameters = Sf7, FrameCount = 3, SnrDb = 10, Seed = 11 });
        var firstFrameStart = (int)frames[0].StartSamples;
        for (var i = 0; i < 200; i++)
        {
            samples[firstFrameStart + 20_000 + i] = new Complex32(float.NaN, 1);
        }

        samples[firstFrameStart - 100] = new Complex32(float.PositiveInfinity, float.NegativeInfinity);
        var receiver = new LoraReceiver(ReceiverHarness.OptionsFor(Sf7));

        var bursts = ReceiverHarness.Receive(receiver, samples, seed: 11);

        Assert.Equal(201, receiver.Statistics.NonFiniteSamples);
        Assert.Equal(frames[1].Payload, ReceiverHarness.Match(bursts, frames[1], 1)!.Payload);
        Assert.Equal(frames[2].Payload, ReceiverHarness.Match(bursts, frames[2], 1)!.Payload);
    }

    [Fact]
    public void An_all_zero_stream_yields_no_burst()
    {
        var receiver = new LoraReceiver(ReceiverHarness.OptionsFor(Sf7));
        var bursts = ReceiverHarness.Receive(receiver, new Complex32[300_000], seed: 1);
        Assert.Empty(bursts);
        Assert.Equal(0, receiver.Statistics.InternalErrors);
    }

    [Fact]
    public void Pure_noise_yields_no_burst()
    {
        var noise = new Complex32[2_000_000];
        BurstStreamGenerator.AddNoise(noise, 1, new Random(12));
        var receiver = new LoraReceiver(ReceiverHarness.OptionsFor(Sf7) with { SpreadingFactors = [7, 8, 9] });
        Assert.Empty(ReceiverHarness.Receive(receiver, noise, seed: 12));
    }

    [Fact]
    public void Clipped_samples_with_a_dc_offset_still_decode()
    {
        var (samples, frames) = BurstStreamGenerator.Generate(new StreamScenario { Parameters = Sf7, FrameCount = 2, SnrDb = 10, Seed = 13 });
        for (var i = 0; i < samples.Length; i++)
        {
            var x = samples[i] + new Complex32(0.3f, -0.2f);
            samples[i] = new Complex32(Math.Clamp(x.Real, -0.7f, 0.7f), Math.Clamp(x.Imaginary, -0.7f, 0.7f));
        }

        var bursts = ReceiverHarness.Receive(new LoraReceiver(ReceiverHarness.OptionsFor(Sf7)), samples, seed: 13);

        Assert.Equal(frames.Select(f => f.Payload), bursts.Select(b => b.Payload));
    }

    [Fact]
    public void A_burst_cut_by_the_end_of_the_stream_is_reported_as_truncated()
    {
        var (samples, frames) = BurstStreamGenerator.Generate(new StreamScenario { Parameters = Sf7, FrameCount = 1, SnrDb = 10, Seed = 14 });
        var cut = (int)frames[0].StartSamples + (20 * Sf7.SamplesPerSymbol);
        var receiver = new LoraReceiver(ReceiverHarness.OptionsFor(Sf7));

        var burst = Assert.Single(ReceiverHarness.Receive(receiver, samples.AsSpan(0, cut), seed: 14));

        Assert.Equal(BurstStatus.Truncated, burst.Status);
        Assert.False(burst.IsValid);
        Assert.Empty(burst.Payload);
        Assert.Equal(1, receiver.Statistics.Undecodable);
    }

    [Fact]
    public void A_gap_in_sample_indices_truncates_the_burst_in_progress_and_restarts()
    {
        var (samples, frames) = BurstStreamGenerator.Generate(new StreamScenario { Parameters = Sf7, FrameCount = 2, SnrDb = 10, Seed = 15 });
        var cut = (int)frames[0].StartSamples + (20 * Sf7.SamplesPerSymbol);
        var receiver = new LoraReceiver(ReceiverHarness.OptionsFor(Sf7));
        var bursts = new List<LoraBurst>();

        receiver.Process(samples.AsSpan(0, cut), 0, bursts.Add);
        receiver.Process(samples.AsSpan(cut + 5_000), cut + 5_000 + 1_000_000, bursts.Add);

        Assert.Equal(1, receiver.Statistics.Discontinuities);
        Assert.Equal(BurstStatus.Truncated, bursts[0].Status);
        Assert.Equal(frames[1].Payload, bursts[1].Payload);
    }

    [Fact]
    public void A_header_with_a_bad_checksum_is_reported_as_undecodable()
    {
        var p = Sf7;
        var segments = new RfFingerprint.Lora.Modulation.LoraFrameBuilder(p).Build(new byte[8]);
        var header = p.PreambleSymbols + 5;
        for (var i = header; i < header + 8; i++)
        {
            segments[i] = segments[i] with { Symbol = (segments[i].Symbol + 40) % 128 };
        }

        var synthesizer = new RfFingerprint.Lora.Modulation.ChirpSynthesizer(p);
        var samples = new Complex32[synthesizer.SampleCount(segments) + 40_000];
        synthesizer.Synthesize(segments, samples.AsSpan(20_000));
        var receiver = new LoraReceiver(ReceiverHarness.OptionsFor(p));

        var burst = Assert.Single(ReceiverHarness.Receive(receiver, samples, seed: 16));

        Assert.Equal(BurstStatus.HeaderInvalid, burst.Status);
        Assert.False(burst.HeaderOk);
        Assert.Equal(20_000, burst.SampleStart);
    }
}
