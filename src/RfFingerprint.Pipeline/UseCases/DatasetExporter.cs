using System.Threading.Channels;
using RfFingerprint.Fingerprinting.Datasets;
using RfFingerprint.Fingerprinting.Features;
using RfFingerprint.Lora.Receiver;
using RfFingerprint.Pipeline.Captures;
using RfFingerprint.Pipeline.Options;
using RfFingerprint.Pipeline.Stages;

namespace RfFingerprint.Pipeline.UseCases;

/// <summary>
/// Writes a training set (<c>rffp dataset export</c>) through exactly the receiver and spectrogram code that serves,
/// so a model never sees features computed differently from those it is trained on. Each burst is labelled with the
/// device its annotation names, or with the recording's file name when no annotation names one.
/// </summary>
public sealed class DatasetExporter(ReceiverOptions receiverOptions, PreprocessingParameters parameters)
{
    /// <exception cref="InvalidDataException">No usable burst was found in any capture.</exception>
    public async Task<DatasetExportResult> ExportAsync(IReadOnlyList<string> captures, string outputPath, IProgress<CaptureProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(captures);
        var extractor = new SpectrogramExtractor(parameters);
        var features = new float[extractor.FeatureLength];
        var skipped = 0;
        using var writer = new FeatureDatasetWriter(outputPath, parameters);
        foreach (var path in captures)
        {
            await using var capture = await OpenedCapture.OpenAsync(path);
            if (Math.Abs(capture.Recording.SampleRateHz!.Value - parameters.SampleRateHz) > 1e-6)
            {
                throw new InvalidDataException(
                    $"{capture.DisplayName}: sampled at {capture.Recording.SampleRateHz:0} Hz, but the features are defined at {parameters.SampleRateHz:0} Hz");
            }

            var fallbackLabel = CaptureFileNames.Stem(path);
            var stage = new ReceiverStage(capture.Source.Info, receiverOptions);
            var bursts = Channel.CreateBounded<ReceivedBurst>(256);
            var receiving = stage.RunAsync(capture.Source, bursts.Writer, cancellationToken);
            var seen = 0;
            await foreach (var received in bursts.Reader.ReadAllAsync(cancellationToken))
            {
                seen++;
                var burst = received.Burst;
                progress?.Report(new CaptureProgress(capture.DisplayName, burst.SampleStart, capture.Recording.SampleCount, seen));
                var label = Label(capture, burst, fallbackLabel);
                if (label is null || burst.Preamble.Length < extractor.InputSampleCount
                    || burst.SpreadingFactor != parameters.SpreadingFactor || !double.IsFinite(burst.CfoHz))
                {
                    skipped++;
                    continue;
                }

                extractor.Extract(burst.Preamble.Span, burst.CfoHz, features);
                writer.Add(features, label, burst.CfoHz, burst.SnrDb);
            }

            await receiving;
        }

        if (writer.Count == 0)
            throw new InvalidDataException($"no usable burst in {string.Join(", ", captures)}: nothing to export");
        writer.Complete();
        return new DatasetExportResult(outputPath, writer.Count, skipped, writer.DeviceNames);
    }

    /// <summary>
    /// The device a burst belongs to. An annotation is ground truth, so its bursts count whether or not their payload
    /// decoded (the fingerprint lies in the preamble); without annotations only cleanly decoded bursts are trusted to
    /// be the recording's device rather than a false detection or a collision.
    /// </summary>
    private string? Label(OpenedCapture capture, LoraBurst burst, string fallbackLabel)
    {
        if (capture.Annotations.NamesDevices)
            return capture.Annotations.DeviceAt(burst.SampleStart, parameters.SamplesPerSymbol);
        return burst.Status == BurstStatus.Decoded && burst.CrcOk != false ? fallbackLabel : null;
    }
}
