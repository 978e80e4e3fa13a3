using MathNet.Numerics;
using RfFingerprint.Lora.Evaluation;
using RfFingerprint.Lora.Lorawan;
using RfFingerprint.Lora.Modulation;
using RfFingerprint.Lora.Receiver;

namespace RfFingerprint.Lora.Tests.Receiver;

public class BurstRecordTests
{
    [Fact]
    public void The_preamble_is_the_raw_up_chirps_from_the_first_sample_without_cfo_compensation()
    {
        var p = new LoraParameters();
        var (samples, frames) = BurstStreamGenerator.Generate(new StreamScenario { Parameters = p, FrameCount = 1, SnrDb = 30, MaxCfoHz = 15_000, Seed = 17 });

        var burst = Assert.Single(ReceiverHarness.Receive(new LoraReceiver(ReceiverHarness.OptionsFor(p)), samples, seed: 17));

        Assert.Equal(p.PreambleSymbols * p.SamplesPerSymbol, burst.Preamble.Length);
        Assert.Equal(samples.AsSpan((int)burst.SampleStart, burst.Preamble.Length).ToArray(), burst.Preamble.ToArray());

        // The stored samples still carry the CFO: the ideal preamble rotated by it matches them closely.
        var ideal = new Complex32[burst.Preamble.Length];
        var synthesizer = new ChirpSynthesizer(p);
        synthesizer.Synthesize(Enumerable.Repeat(new ChirpSegment(ChirpDirection.Up, 0, 4), p.PreambleSymbols).ToArray(), ideal);
        Assert.True(NormalisedCorrelation(burst.Preamble.Span, ideal, burst.CfoHz, p.SampleRateHz) > 0.95);
        Assert.True(NormalisedCorrelation(burst.Preamble.Span, ideal, 0, p.SampleRateHz) < 0.5);
    }

    [Fact]
    public void Without_copying_the_preamble_is_a_view_valid_during_the_callback()
    {
        var p = new LoraParameters();
        var (samples, _) = BurstStreamGenerator.Generate(new StreamScenario { Parameters = p, FrameCount = 1, SnrDb = 20, Seed = 18 });
        var receiver = new LoraReceiver(ReceiverHarness.OptionsFor(p) with { CopyPreamble = false });
        var matched = false;

        receiver.Process(samples, 0, burst => matched = burst.Preamble.Span.SequenceEqual(samples.AsSpan((int)burst.SampleStart, burst.Preamble.Length)));

        Assert.True(matched);
    }

    [Fact]
    public void A_lorawan_frame_sent_over_the_air_is_parsed_from_the_burst_payload()
    {
        var p = new LoraParameters { SampleRateHz = 250_000 };
        var phyPayload = Convert.FromHexString("40F17DBE4900020001954378762B11FF0D");
        var waveform = new LoraModulator(p).Modulate(phyPayload);
        var samples = new Complex32[waveform.Length + 30_000];
        waveform.CopyTo(samples.AsSpan(10_000));
        BurstStreamGenerator.AddNoise(samples, 2 * 0.1, new Random(19));

        var burst = Assert.Single(ReceiverHarness.Receive(new LoraReceiver(ReceiverHarness.OptionsFor(p)), samples, seed: 19));
        var frame = LorawanParser.Parse(burst.Payload);

        Assert.True(burst.CrcOk);
        Assert.Equal(LorawanMessageType.UnconfirmedDataUp, frame.MessageType);
        Assert.Equal(0x49BE7DF1u, frame.DevAddr);
        Assert.Equal((ushort)2, frame.FCnt);
        Assert.Equal(1, frame.FPort);
    }

    private static double NormalisedCorrelation(ReadOnlySpan<Complex32> received, ReadOnlySpan<Complex32> ideal, double cfoHz, double sampleRateHz)
    {
        var rotated = new Complex32[ideal.Length];
        RfFingerprint.Lora.Synchronization.CfoCompensation.Apply(ideal, rotated, -cfoHz, sampleRateHz);
        double re = 0, im = 0, energyA = 0, energyB = 0;
        for (var i = 0; i < received.Length; i++)
        {
            var product = received[i] * rotated[i].Conjugate();
            re += product.Real;
            im += product.Imaginary;
            energyA += received[i].MagnitudeSquared;
            energyB += rotated[i].MagnitudeSquared;
        }

        return Math.Sqrt((re * re) + (im * im)) / Math.Sqrt(energyA * energyB);
    }
}
