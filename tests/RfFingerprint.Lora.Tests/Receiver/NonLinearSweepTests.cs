using MathNet.Numerics;
using RfFingerprint.Lora.Evaluation;
using RfFingerprint.Lora.Modulation;
using RfFingerprint.Lora.Receiver;

namespace RfFingerprint.Lora.Tests.Receiver;

/// <summary>
/// Transmitters whose chirps are not linear (quadratic sweep error of 2–3 kHz, i.e. 2–3 bins at SF7/125 kHz, and a
/// 20 kHz overshoot after each wrap) put the dechirped tone's peak up to ±0.7 bin from its mean frequency and spread
/// it over two or three bins. Real SX127x devices are decoded by every receiver, so such bursts must decode too.
/// </summary>
public class NonLinearSweepTests
{
    private static readonly LoraParameters Sf7 = new() { SampleRateHz = 1_000_000 };

    public static TheoryData<double, double> Cases => new()
    {
        // quadraticHz, cfoHz
        { 3_100, 2_300 },
        { -2_700, -4_150 },
        { 2_000, 610 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_burst_from_a_transmitter_with_a_non_linear_sweep_decodes_without_a_whole_bin_cfo_slip(double quadraticHz, double cfoHz)
    {
        var payload = Enumerable.Range(0, 20).Select(i => (byte)((i * 37) + 11)).ToArray();
        var distortion = new PllLikeDistortion(quadraticHz, overshootHz: 20_000, settlingSeconds: 15e-6, ringingHz: 60_000, Sf7.BandwidthHz);
        var segments = new LoraFrameBuilder(Sf7).Build(payload);
        var synthesizer = new ChirpSynthesizer(Sf7);
        var burst = new Complex32[synthesizer.SampleCount(segments)];
        synthesizer.Synthesize(segments, burst, distortion);

        const int lead = 20_000;
        var samples = new Complex32[lead + burst.Length + 20_000];
        for (var i = 0; i < burst.Length; i++)
        {
            var phase = 2 * Math.PI * cfoHz * i / Sf7.SampleRateHz;
            samples[lead + i] = burst[i] * new Complex32((float)Math.Cos(phase), (float)Math.Sin(phase));
        }

        // 25 dB in the 125 kHz band at 1 MS/s.
        BurstStreamGenerator.AddNoise(samples, Math.Pow(10, -2.5) * Sf7.SampleRateHz / Sf7.BandwidthHz, new Random(7));

        var bursts = ReceiverHarness.Receive(new LoraReceiver(ReceiverHarness.OptionsFor(Sf7)), samples, seed: 7);

        var received = Assert.Single(bursts);
        Assert.Equal(BurstStatus.Decoded, received.Status);
        Assert.True(received.CrcOk);
        Assert.Equal(payload, received.Payload);
        Assert.InRange(received.CfoHz - cfoHz, -Sf7.BinSpacingHz / 10, Sf7.BinSpacingHz / 10);
        Assert.InRange(received.SampleStart + received.StoSamples - lead, -4, 4);
    }

    [Fact]
    public void A_long_burst_from_a_strongly_non_linear_transmitter_keeps_its_timing_to_the_end()
    {
        // Shaped like device dev09 of the seed-2 simulated population (all of its bursts failed CRC at 30 dB): the
        // payload's timing loop read its error at the spread tone's strongest bin, a neighbour of the shift, and at the
        // PLL's overshoot after the wrap, and walked the timing off over the 58 symbols of a 26-byte frame.
        var payload = Enumerable.Range(0, 26).Select(i => (byte)((i * 53) + 7)).ToArray();
        var distortion = new PllLikeDistortion(quadraticHz: 1_407, overshootHz: 15_499, settlingSeconds: 8.17e-6, ringingHz: 44_093, Sf7.BandwidthHz,
            rippleHz: 804, downChirpScale: 0.82, linearHz: -314, cubicHz: 139, ringingPhaseRad: 0.49);
        var segments = new LoraFrameBuilder(Sf7).Build(payload);
        var synthesizer = new ChirpSynthesizer(Sf7);
        const int lead = 20_000;
        var samples = new Complex32[lead + synthesizer.SampleCount(segments) + 20_000];
        synthesizer.Synthesize(segments, samples.AsSpan(lead), distortion);
        BurstStreamGenerator.AddNoise(samples, Math.Pow(10, -3.0) * Sf7.SampleRateHz / Sf7.BandwidthHz, new Random(9));

        var received = Assert.Single(ReceiverHarness.Receive(new LoraReceiver(ReceiverHarness.OptionsFor(Sf7)), samples, seed: 9));

        Assert.True(received.CrcOk);
        Assert.Equal(payload, received.Payload);
        Assert.InRange(received.CfoHz, -Sf7.BinSpacingHz / 10, Sf7.BinSpacingHz / 10);
    }

    [Fact]
    public void The_snr_estimate_does_not_count_a_non_linear_sweep_as_noise()
    {
        var distortion = new PllLikeDistortion(quadraticHz: 2_500, overshootHz: 15_000, settlingSeconds: 10e-6, ringingHz: 80_000, Sf7.BandwidthHz);
        var segments = new LoraFrameBuilder(Sf7).Build([1, 2, 3, 4, 5, 6, 7, 8]);
        var synthesizer = new ChirpSynthesizer(Sf7);
        var samples = new Complex32[20_000 + synthesizer.SampleCount(segments) + 20_000];
        synthesizer.Synthesize(segments, samples.AsSpan(20_000), distortion);
        BurstStreamGenerator.AddNoise(samples, Math.Pow(10, -2.0) * Sf7.SampleRateHz / Sf7.BandwidthHz, new Random(8));

        var received = Assert.Single(ReceiverHarness.Receive(new LoraReceiver(ReceiverHarness.OptionsFor(Sf7)), samples, seed: 8));

        // 20 dB in band; the anti-alias filter and the estimator's own spread leave it within a few dB.
        Assert.InRange(received.SnrDb, 16, 23);
    }
}
