using MathNet.Numerics;
using RfFingerprint.Lora.Evaluation;
using RfFingerprint.Lora.Receiver;
using Xunit.Abstractions;

namespace RfFingerprint.Lora.Tests.Receiver;

public class ReceiverRoundTripTests(ITestOutputHelper output)
{
    [Fact]
    public void Debug_sf7_clean()
    {
        var p = new LoraParameters();
        var (samples, frames) = BurstStreamGenerator.Generate(new StreamScenario { Parameters = p, FrameCount = 5, SnrDb = 10, Seed = 3 });
        var receiver = new LoraReceiver(new LoraReceiverOptions());
        var bursts = new List<LoraBurst>();
        receiver.Process(samples, 0, bursts.Add);
        foreach (var f in frames)
        {
            output.WriteLine($"truth start {f.StartSamples:F2} cfo {f.CfoHz:F1}");
        }

        foreach (var b in bursts)
        {
            output.WriteLine($"burst start {b.SampleStart + b.StoSamples:F2} cfo {b.CfoHz:F1} snr {b.SnrDb:F1} status {b.Status} crc {b.CrcOk} sync {b.SyncWord:X2}");
        }

        var s = receiver.Statistics;
        output.WriteLine($"det {s.Detections} sfdTimeouts {s.SfdTimeouts} syncMismatch {s.SyncWordMismatches} bursts {s.Bursts} err {s.InternalErrors}");
        Assert.Equal(5, bursts.Count(b => b.CrcOk == true));
    }
}
