using System.Threading.Channels;
using MathNet.Numerics;
using RfFingerprint.Pipeline.Captures;
using RfFingerprint.Pipeline.Options;
using RfFingerprint.Pipeline.Stages;

namespace RfFingerprint.Pipeline.Evaluation;

/// <summary>
/// Runs the serving receiver over annotated recordings and keeps the preambles of the bursts the
/// <see cref="UseCases.DatasetExporter"/> keeps from annotated recordings (inside a device's annotation, long enough,
/// expected SF, finite CFO; the payload need not decode, since the preamble alone is fingerprinted).
/// </summary>
public static class PreambleCollector
{
    private const string TrueCfoField = "rffp:true_cfo_hz";

    /// <param name="captures">SigMF recordings with <c>rffp:device</c> annotations.</param>
    /// <param name="receiverOptions">Receiver settings.</param>
    /// <param name="spreadingFactor">Only bursts of this SF are kept.</param>
    /// <param name="sampleCount">Preamble samples kept per burst.</param>
    /// <param name="samplesPerSymbol">Tolerance when matching a burst to its annotation.</param>
    /// <param name="cancellationToken">Stops between blocks.</param>
    /// <exception cref="InvalidDataException">A recording is unreadable or has no sample rate.</exception>
    public static async Task<CollectedBursts> CollectAsync(IReadOnlyList<string> captures, ReceiverOptions receiverOptions, int spreadingFactor, int sampleCount, int samplesPerSymbol, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(captures);
        ArgumentNullException.ThrowIfNull(receiverOptions);
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleCount, 1);
        var preambles = new List<Complex32[]>();
        var devices = new List<string>();
        var cfo = new List<double>();
        var snr = new List<double>();
        var trueCfo = new List<double>();
        foreach (var path in captures)
        {
            await using var capture = await OpenedCapture.OpenAsync(path);
            var annotations = capture.Recording.Metadata.Annotations.OrderBy(a => a.SampleStart).ToArray();
            var stage = new ReceiverStage(capture.Source.Info, receiverOptions);
            var bursts = Channel.CreateBounded<ReceivedBurst>(256);
            var receiving = stage.RunAsync(capture.Source, bursts.Writer, cancellationToken);
            await foreach (var received in bursts.Reader.ReadAllAsync(cancellationToken))
            {
                var burst = received.Burst;
                if (burst.Preamble.Length < sampleCount || burst.SpreadingFactor != spreadingFactor || !double.IsFinite(burst.CfoHz))
                {
                    continue;
                }

                var device = capture.Annotations.DeviceAt(burst.SampleStart, samplesPerSymbol);
                if (device is null)
                    continue;
                var annotation = annotations.FirstOrDefault(a => a.SampleStart - samplesPerSymbol <= burst.SampleStart && burst.SampleStart < a.SampleStart + (a.SampleCount ?? 1));
                double truth = annotation is not null && annotation.Fields.TryGetValue(TrueCfoField, out var node) && node is not null ? node.GetValue<double>() : double.NaN;
                preambles.Add(burst.Preamble.Span[..sampleCount].ToArray());
                devices.Add(device);
                cfo.Add(burst.CfoHz);
                snr.Add(burst.SnrDb);
                trueCfo.Add(truth);
            }

            await receiving;
        }

        return new CollectedBursts(preambles, devices, [.. cfo], [.. snr], [.. trueCfo]);
    }
}
