using RfFingerprint.Lora.Evaluation;
using RfFingerprint.Lora.Receiver;

namespace RfFingerprint.Lora.Tests.Receiver;

public class SampleClockOffsetTests
{
    [Theory]
    [InlineData(20)]
    [InlineData(-20)]
    public void A_long_sf12_frame_from_a_transmitter_with_a_clock_offset_is_tracked_and_decoded(double ppm)
    {
        var p = new LoraParameters { SpreadingFactor = 12, SampleRateHz = 250_000 };
        var (samples, frames) = BurstStreamGenerator.Generate(new StreamScenario
        {
            Parameters = p,
            FrameCount = 1,
            PayloadLength = 48,
            SnrDb = 0,
            SampleClockOffsetPpm = ppm,
            Seed = 31,
        });

        var burst = Assert.Single(ReceiverHarness.Receive(new LoraReceiver(ReceiverHarness.OptionsFor(p)), samples, seed: 31));

        Assert.True(burst.CrcOk);
        Assert.Equal(frames[0].Payload, burst.Payload);
        Assert.InRange(burst.SfoPpm, ppm - 3, ppm + 3);
    }
}
