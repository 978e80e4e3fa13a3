using MathNet.Numerics;
using RfFingerprint.Lora.Evaluation;
using RfFingerprint.Lora.Receiver;

namespace RfFingerprint.Lora.Tests.Receiver;

/// <summary>Feeds generated streams to a receiver in randomly sized blocks and pairs bursts with the frames sent.</summary>
internal static class ReceiverHarness
{
    public static LoraReceiverOptions OptionsFor(LoraParameters p) => new()
    {
        SpreadingFactors = [p.SpreadingFactor],
        BandwidthHz = p.BandwidthHz,
        SampleRateHz = p.SampleRateHz,
        SyncWord = p.SyncWord,
        PreambleSymbols = p.PreambleSymbols,
        LowDataRateOptimize = p.LowDataRateOptimize,
    };

    public static List<LoraBurst> Receive(LoraReceiver receiver, ReadOnlySpan<Complex32> samples, int seed, int maxBlock = 50_000, long firstIndex = 0)
    {
        var bursts = new List<LoraBurst>();
        var random = new Random(seed);
        var offset = 0;
        while (offset < samples.Length)
        {
            var length = Math.Min(samples.Length - offset, random.Next(1, maxBlock));
            receiver.Process(samples.Slice(offset, length), firstIndex + offset, bursts.Add);
            offset += length;
        }

        receiver.Flush(bursts.Add);
        return bursts;
    }

    public static LoraBurst? Match(IEnumerable<LoraBurst> bursts, GeneratedFrame frame, double toleranceSamples) =>
        bursts.FirstOrDefault(b => Math.Abs(b.SampleStart + b.StoSamples - frame.StartSamples) < toleranceSamples);
}
