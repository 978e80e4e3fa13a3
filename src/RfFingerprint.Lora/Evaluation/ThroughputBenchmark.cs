using System.Diagnostics;
using RfFingerprint.Lora.Receiver;

namespace RfFingerprint.Lora.Evaluation;

/// <summary>Measures detection + synchronisation + decoding speed of <see cref="LoraReceiver"/> on one thread.</summary>
/// <remarks>
/// A stream of <see cref="ThroughputOptions.StreamSeconds"/> with frames at the requested occupancy is generated once,
/// then fed to one receiver in blocks: untimed warm-up passes for at least <see cref="ThroughputOptions.WarmupSeconds"/>
/// (tiered JIT recompiles hot methods optimised only after they ran a while; buffers), then timed passes continuing the
/// same stream indices, so the timed part is the receiver's steady state. Preambles are not copied
/// (<see cref="LoraReceiverOptions.CopyPreamble"/> false), as a pipeline consuming them inside the callback would run.
/// Allocation is measured with <see cref="GC.GetAllocatedBytesForCurrentThread"/>; what remains per burst is the burst
/// record and its payload array.
/// </remarks>
public static class ThroughputBenchmark
{
    /// <summary>Runs the measurement.</summary>
    public static ThroughputResult Run(ThroughputOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var parameters = new LoraParameters
        {
            SpreadingFactor = options.SpreadingFactors[0],
            BandwidthHz = options.BandwidthHz,
            SampleRateHz = options.SampleRateHz,
        };
        var frameSamples = new Modulation.LoraModulator(parameters).Modulate(new byte[16]).Length;
        var frames = Math.Max(1, (int)(options.StreamSeconds * options.SampleRateHz * options.Occupancy / frameSamples));
        var (samples, _) = BurstStreamGenerator.Generate(new StreamScenario
        {
            Parameters = parameters,
            FrameCount = frames,
            PayloadLength = 16,
            SnrDb = options.SnrDb,
            Occupancy = options.Occupancy,
            Seed = options.Seed,
        });

        var receiver = new LoraReceiver(new LoraReceiverOptions
        {
            SpreadingFactors = options.SpreadingFactors,
            BandwidthHz = options.BandwidthHz,
            SampleRateHz = options.SampleRateHz,
            CopyPreamble = false,
        });

        long bursts = 0, crcOk = 0;
        void Count(LoraBurst burst)
        {
            bursts++;
            crcOk += burst.CrcOk == true ? 1 : 0;
        }

        long index = 0;
        void Pass()
        {
            for (var offset = 0; offset < samples.Length; offset += options.BlockSamples)
            {
                var length = Math.Min(options.BlockSamples, samples.Length - offset);
                receiver.Process(samples.AsSpan(offset, length), index, Count);
                index += length;
            }
        }

        var warmup = Stopwatch.StartNew();
        do
        {
            Pass();
        }
        while (warmup.Elapsed.TotalSeconds < options.WarmupSeconds);

        bursts = 0;
        crcOk = 0;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        for (var pass = 0; pass < options.Passes; pass++)
        {
            Pass();
        }

        stopwatch.Stop();
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var processed = (long)samples.Length * options.Passes;
        var msps = processed / stopwatch.Elapsed.TotalSeconds / 1e6;
        return new ThroughputResult(
            options.Occupancy,
            msps,
            processed / Math.Max(cpuSeconds, 1e-9) / 1e6,
            msps * 1e6 / options.SampleRateHz,
            processed,
            bursts,
            crcOk,
            bursts > 0 ? (double)allocated / bursts : allocated,
            allocated);
    }
}
