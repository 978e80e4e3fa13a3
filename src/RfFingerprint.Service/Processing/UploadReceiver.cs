using System.Collections.Concurrent;
using MathNet.Numerics;
using Microsoft.Extensions.Options;
using RfFingerprint.Lora.Lorawan;
using RfFingerprint.Lora.Receiver;
using RfFingerprint.Pipeline;
using RfFingerprint.Pipeline.Options;

namespace RfFingerprint.Service.Processing;

/// <summary>
/// Finds the bursts of an in-memory upload with a pooled <see cref="LoraReceiver"/>. A receiver costs far more to
/// build (filters, chirp tables, rings) than to run over one burst, so receivers are kept per sample rate and reused;
/// every upload starts a new stream at index 0, which a receiver treats as a discontinuity (state restarted).
/// Thread-safe: each call takes a receiver for itself.
/// </summary>
public sealed class UploadReceiver(IOptions<ReceiverOptions> options)
{
    /// <summary>Receivers kept per sample rate (enough for every request thread on a small machine).</summary>
    private const int MaxPooledPerRate = 16;

    private readonly ConcurrentDictionary<double, ConcurrentBag<LoraReceiver>> _pools = new();

    /// <summary>The bursts of <paramref name="samples"/> (one whole recording), timed from <paramref name="startTimeUtc"/>.</summary>
    /// <exception cref="InvalidDataException">The sample rate is not a whole multiple of the LoRa bandwidth.</exception>
    public IReadOnlyList<ReceivedBurst> Receive(ReadOnlySpan<Complex32> samples, double sampleRateHz, DateTimeOffset? startTimeUtc)
    {
        var pool = _pools.GetOrAdd(sampleRateHz, static _ => []);
        var receiver = pool.TryTake(out var pooled) ? pooled : Create(sampleRateHz);
        var found = new List<ReceivedBurst>();
        void Collect(LoraBurst burst) => found.Add(ToReceived(burst, sampleRateHz, startTimeUtc));
        receiver.Process(samples, 0, Collect);
        receiver.Flush(Collect);

        // Only a receiver that finished cleanly goes back (one that threw is dropped with its unknown state).
        if (pool.Count < MaxPooledPerRate)
        {
            pool.Add(receiver);
        }

        return found;
    }

    private LoraReceiver Create(double sampleRateHz)
    {
        var receiver = options.Value;
        var oversampling = sampleRateHz / receiver.BandwidthHz;
        if (!double.IsFinite(oversampling) || oversampling < 1 || Math.Abs(oversampling - Math.Round(oversampling)) > 1e-9)
        {
            throw new InvalidDataException(
                $"sample rate {sampleRateHz:0.###} Hz is not a whole multiple of the LoRa bandwidth {receiver.BandwidthHz:0} Hz");
        }

        return new LoraReceiver(new LoraReceiverOptions
        {
            SpreadingFactors = receiver.SearchedSpreadingFactors,
            BandwidthHz = receiver.BandwidthHz,
            SampleRateHz = sampleRateHz,
            SyncWord = receiver.SyncWord,
        }.Validate());
    }

    private static ReceivedBurst ToReceived(LoraBurst burst, double sampleRateHz, DateTimeOffset? startTimeUtc)
    {
        var frame = burst.IsValid && burst.Payload.Length > 0 ? LorawanParser.Parse(burst.Payload) : null;
        return new ReceivedBurst(burst, frame, startTimeUtc?.AddSeconds(burst.SampleStart / sampleRateHz));
    }
}
