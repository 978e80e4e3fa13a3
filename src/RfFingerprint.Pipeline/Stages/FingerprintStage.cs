using System.Threading.Channels;
using RfFingerprint.Fingerprinting.Features;
using RfFingerprint.Fingerprinting.Inference;

namespace RfFingerprint.Pipeline.Stages;

/// <summary>
/// Second stage: turns bursts into fingerprints in batches. Spectrograms of a batch are computed in parallel, then the
/// model runs once over the whole batch; bursts leave in the order they arrived.
/// </summary>
public sealed class FingerprintStage
{
    private readonly FingerprintModel _model;
    private readonly SpectrogramExtractor _extractor;
    private readonly PipelineOptions _options;
    private readonly float[] _batchFeatures;
    private readonly float[] _batchOutputs;

    public FingerprintStage(FingerprintModel model, PipelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _model = model;
        _extractor = model.CreateExtractor();
        _options = options;
        _batchFeatures = new float[options.BatchSize * _extractor.FeatureLength];
        _batchOutputs = new float[options.BatchSize * model.OutputDimension];
    }

    /// <summary>Fingerprints everything <paramref name="input"/> yields into <paramref name="output"/>, then completes it.</summary>
    public async Task RunAsync(ChannelReader<ReceivedBurst> input, ChannelWriter<FingerprintedBurst> output, CancellationToken cancellationToken)
    {
        var batch = new List<ReceivedBurst>(_options.BatchSize);
        try
        {
            while (await input.WaitToReadAsync(cancellationToken))
            {
                // Take what is already queued, up to a batch: a lone burst on a quiet live stream is not held back.
                while (batch.Count < _options.BatchSize && input.TryRead(out var burst))
                    batch.Add(burst);
                foreach (var result in Fingerprint(batch))
                    await output.WriteAsync(result, cancellationToken);
                batch.Clear();
            }

            output.TryComplete();
        }
        catch (Exception ex)
        {
            output.TryComplete(ex);
            throw;
        }
    }

    /// <summary>Fingerprints one batch synchronously (also used directly by single-burst authentication).</summary>
    public FingerprintedBurst[] Fingerprint(IReadOnlyList<ReceivedBurst> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var results = new FingerprintedBurst[batch.Count];
        var featureLength = _extractor.FeatureLength;
        var usable = new int[batch.Count];
        var usableCount = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            var problem = ProblemWith(batch[i]);
            if (problem is null)
                usable[usableCount++] = i;
            else
                results[i] = new FingerprintedBurst(batch[i], null, null, problem);
        }

        if (usableCount == 0)
            return results;

        Parallel.For(0, usableCount, new ParallelOptions { MaxDegreeOfParallelism = _options.Threads }, row =>
        {
            var burst = batch[usable[row]].Burst;
            _extractor.Extract(burst.Preamble.Span, burst.CfoHz, _batchFeatures.AsSpan(row * featureLength, featureLength));
        });

        var outputDimension = _model.OutputDimension;
        _model.Run(_batchFeatures.AsSpan(0, usableCount * featureLength), usableCount, _batchOutputs);
        for (var row = 0; row < usableCount; row++)
        {
            var index = usable[row];
            var features = _options.KeepFeatures ? _batchFeatures.AsSpan(row * featureLength, featureLength).ToArray() : null;
            results[index] = new FingerprintedBurst(batch[index], _batchOutputs.AsSpan(row * outputDimension, outputDimension).ToArray(), features, null);
        }

        return results;
    }

    private string? ProblemWith(ReceivedBurst received)
    {
        var burst = received.Burst;
        if (burst.Preamble.Length < _extractor.InputSampleCount)
            return $"preamble has {burst.Preamble.Length} samples, the model needs {_extractor.InputSampleCount}";
        if (!double.IsFinite(burst.CfoHz))
            return "no CFO estimate";
        if (burst.SpreadingFactor != _model.Preprocessing.SpreadingFactor)
            return $"SF{burst.SpreadingFactor} burst, the model was trained on SF{_model.Preprocessing.SpreadingFactor}";
        if (Math.Abs(burst.SampleRateHz - _model.Preprocessing.SampleRateHz) > 1e-6)
            return $"sampled at {burst.SampleRateHz:0} Hz, the model expects {_model.Preprocessing.SampleRateHz:0} Hz";
        return null;
    }
}
