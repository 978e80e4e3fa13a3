using Microsoft.Extensions.Caching.Memory;
using RfFingerprint.Fingerprinting.Features;
using RfFingerprint.Lora.Receiver;
using RfFingerprint.Pipeline;
using RfFingerprint.Pipeline.Captures;
using RfFingerprint.Registry;
using RfFingerprint.Registry.Entities;
using RfFingerprint.Sdr.SigMF;
using RfFingerprint.Service.Processing;

namespace RfFingerprint.Service.Dashboard;

/// <summary>
/// Spectrograms for the dashboard, recomputed on demand by the product's own receive chain
/// (<see cref="FingerprintPipeline"/>: receiver, then <see cref="SpectrogramExtractor"/>) from the registered capture
/// file, never stored in the registry. A burst is found again by replaying a short window of its capture around the
/// event's sample index; an enrolment's average runs over the enrolment's captures and keeps the bursts enrolment
/// kept. Results sit in a bounded in-memory cache (<see cref="CacheEntries"/> entries), so a page that redraws asks
/// the chain once. Bursts of live sessions have no file to go back to (unless recorded), and say so.
/// </summary>
public sealed class BurstSpectrograms(PipelineProvider pipelines, IRegistryStore registry) : IDisposable
{
    /// <summary>Spectrograms kept in memory at most (each is about 25 KB for the default model).</summary>
    public const int CacheEntries = 256;

    /// <summary>Symbols replayed before the event's preamble, so the receiver's detector sees the burst begin.</summary>
    private const int LeadSymbols = 4;

    /// <summary>Symbols replayed from the preamble on: a whole frame with the largest LoRa payload fits.</summary>
    private const int WindowSymbols = 600;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = CacheEntries });

    /// <summary>The spectrogram of the burst whose preamble starts at <paramref name="sampleIndex"/> of capture <paramref name="captureId"/>.</summary>
    /// <exception cref="ModelUnavailableException">No usable model.</exception>
    public async Task<SpectrogramLookup> ForBurstAsync(long captureId, long sampleIndex, SpectrogramView view, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sampleIndex);
        var key = ("burst", captureId, sampleIndex, view);
        if (_cache.TryGetValue(key, out SpectrogramLookup? cached) && cached is not null)
        {
            return cached;
        }

        var capture = await registry.GetCaptureAsync(captureId, cancellationToken);
        if (capture is null)
        {
            return SpectrogramLookup.Missing($"capture {captureId} does not exist");
        }

        if (!File.Exists(capture.Path))
        {
            return SpectrogramLookup.Missing(
                $"capture {captureId} ('{capture.Path}') has no recording file on this server, so its bursts cannot be recomputed");
        }

        var pipeline = pipelines.GetPipeline();
        var parameters = pipeline.Model.Preprocessing;
        var samplesPerSymbol = (long)Math.Round(parameters.SamplesPerSymbol * capture.SampleRateHz / parameters.SampleRateHz);
        using var recording = SigMFRecording.Open(capture.Path);
        if (sampleIndex >= recording.SampleCount)
        {
            return SpectrogramLookup.Missing($"capture {captureId} has {recording.SampleCount} samples; sample {sampleIndex} lies beyond it");
        }

        var start = Math.Max(0, sampleIndex - (LeadSymbols * samplesPerSymbol));
        var count = Math.Min(recording.SampleCount - start, sampleIndex - start + (WindowSymbols * samplesPerSymbol));
        await using var source = new SigMFFileSource(recording, new SigMFReplayOptions { StartSample = start, SampleCount = count });
        var extractor = CreateExtractor(pipeline, view);
        var tolerance = samplesPerSymbol / 2;
        SpectrogramLookup? result = null;
        await foreach (var burst in pipeline.RunAsync(source, cancellationToken: cancellationToken))
        {
            var lora = burst.Received.Burst;
            if (Math.Abs(lora.SampleStart - sampleIndex) <= tolerance)
            {
                var values = Compute(burst, extractor);
                result = values is null
                    ? SpectrogramLookup.Missing($"the burst at sample {sampleIndex} of capture {captureId} has no spectrogram: {burst.Problem ?? "its preamble is short or has no power"}")
                    : new SpectrogramLookup(Describe(values, extractor.Parameters, view, 1, lora), null);
                break;
            }

            if (lora.SampleStart > sampleIndex + tolerance)
            {
                break;
            }
        }

        result ??= SpectrogramLookup.Missing($"the receiver found no burst at sample {sampleIndex} of capture {captureId}");
        _cache.Set(key, result, new MemoryCacheEntryOptions { Size = 1 });
        return result;
    }

    /// <summary>
    /// The mean spectrogram of the bursts <paramref name="enrolment"/> was made from: its captures replayed whole, keeping
    /// the bursts annotated as <paramref name="deviceName"/> (or, in unannotated captures, those that decoded with a good
    /// CRC), as enrolment does.
    /// </summary>
    /// <exception cref="ModelUnavailableException">No usable model.</exception>
    public async Task<SpectrogramLookup> ForEnrolmentAsync(Enrolment enrolment, string deviceName, SpectrogramView view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        ArgumentException.ThrowIfNullOrWhiteSpace(deviceName);
        var key = ("enrolment", enrolment.Id, enrolment.UpdatedUtc, view);
        if (_cache.TryGetValue(key, out SpectrogramLookup? cached) && cached is not null)
        {
            return cached;
        }

        var pipeline = pipelines.GetPipeline();
        var extractor = CreateExtractor(pipeline, view);
        var tolerance = (long)pipeline.Model.Preprocessing.SamplesPerSymbol;
        var sum = new double[extractor.FeatureLength];
        var bursts = 0;
        foreach (var link in enrolment.Captures)
        {
            var capture = await registry.GetCaptureAsync(link.CaptureId, cancellationToken);
            if (capture is null || !File.Exists(capture.Path))
            {
                continue;
            }

            await using var opened = await OpenedCapture.OpenAsync(capture.Path);
            await foreach (var burst in pipeline.RunAsync(opened.Source, cancellationToken: cancellationToken))
            {
                var lora = burst.Received.Burst;
                var own = opened.Annotations.NamesDevices
                    ? opened.Annotations.DeviceAt(lora.SampleStart, tolerance) == deviceName
                    : lora.Status == BurstStatus.Decoded && lora.CrcOk != false;
                if (own && Compute(burst, extractor) is { } values)
                {
                    for (var i = 0; i < values.Length; i++)
                    {
                        sum[i] += values[i];
                    }

                    bursts++;
                }
            }
        }

        SpectrogramLookup result;
        if (bursts == 0)
        {
            result = SpectrogramLookup.Missing($"none of the enrolment's {enrolment.Captures.Count} capture files on this server holds a burst of '{deviceName}'");
        }
        else
        {
            var mean = sum.Select(s => (float)(s / bursts)).ToArray();
            result = new SpectrogramLookup(Describe(mean, extractor.Parameters, view, bursts, null), null);
        }

        _cache.Set(key, result, new MemoryCacheEntryOptions { Size = 1 });
        return result;
    }

    /// <inheritdoc/>
    public void Dispose() => _cache.Dispose();

    private static SpectrogramExtractor CreateExtractor(FingerprintPipeline pipeline, SpectrogramView view)
    {
        var parameters = pipeline.Model.Preprocessing;
        return view == SpectrogramView.Model
            ? new SpectrogramExtractor(parameters)
            : new SpectrogramExtractor(parameters with { Kind = FeatureKind.Stft, Scaling = AmplitudeScaling.LogPower });
    }

    /// <summary>
    /// The matrix of one burst, computed from its preamble and CFO by <paramref name="extractor"/> (the chain does not keep
    /// the model's input unless <c>Pipeline:KeepFeatures</c> is set); null when it has none.
    /// </summary>
    private static float[]? Compute(FingerprintedBurst burst, SpectrogramExtractor extractor)
    {
        var lora = burst.Received.Burst;
        if (lora.Preamble.Length < extractor.InputSampleCount || !double.IsFinite(lora.CfoHz))
        {
            return null;
        }

        var values = new float[extractor.FeatureLength];
        try
        {
            extractor.Extract(lora.Preamble.Span, lora.CfoHz, values);
        }
        catch (ArgumentException)
        {
            // A preamble of zero power (a burst cut by a gap) has no picture; the caller reports it as missing.
            return null;
        }

        return values;
    }

    private static SpectrogramResponse Describe(float[] values, PreprocessingParameters parameters, SpectrogramView view, int bursts, LoraBurst? burst)
    {
        var finite = values.Where(float.IsFinite).DefaultIfEmpty(0f).ToArray();
        var binWidthHz = parameters.SampleRateHz / parameters.FftSize;
        return new SpectrogramResponse(
            view == SpectrogramView.Model ? "model" : "stft",
            parameters.FrequencyBins,
            parameters.TimeFrames,
            values.Select(v => float.IsFinite(v) ? v : 0f).ToArray(),
            finite.Min(),
            finite.Max(),
            (parameters.BinCropStart - (parameters.FftSize / 2)) * binWidthHz,
            binWidthHz,
            parameters.HopLength / parameters.SampleRateHz,
            bursts,
            burst?.SampleStart,
            burst is { } b && double.IsFinite(b.CfoHz) ? b.CfoHz : null,
            burst is { } s && double.IsFinite(s.SnrDb) ? s.SnrDb : null);
    }
}
