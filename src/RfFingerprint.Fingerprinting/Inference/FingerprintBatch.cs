using MathNet.Numerics;
using RfFingerprint.Fingerprinting.Features;

namespace RfFingerprint.Fingerprinting.Inference;

/// <summary>
/// Collects the features of up to <see cref="Capacity"/> bursts in one contiguous buffer and runs the model once for
/// all of them: the batched path that keeps inference cheap per burst. Buffers are allocated once; adding, running and
/// reading allocate nothing. Not thread-safe: give each worker its own batch (the model itself is shared).
/// </summary>
public sealed class FingerprintBatch
{
    private readonly SpectrogramExtractor _extractor;
    private readonly float[] _features;
    private readonly float[] _outputs;
    private bool _hasRun;

    /// <summary>A batch for <paramref name="model"/>, extracting with the model's own preprocessing.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The capacity is below 1.</exception>
    public FingerprintBatch(FingerprintModel model, int capacity)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Model = model;
        Capacity = capacity;
        _extractor = model.CreateExtractor();
        _features = new float[checked(capacity * model.FeatureLength)];
        _outputs = new float[checked(capacity * model.OutputDimension)];
    }

    public FingerprintModel Model { get; }

    public int Capacity { get; }

    /// <summary>Bursts added since the last <see cref="Clear"/>.</summary>
    public int Count { get; private set; }

    public bool IsFull => Count == Capacity;

    /// <summary>Extracts one burst's features into the next slot and returns the slot.</summary>
    /// <exception cref="ArgumentException">The extractor rejected the burst (see <see cref="SpectrogramExtractor.Extract"/>); the batch is unchanged.</exception>
    /// <exception cref="InvalidOperationException">The batch is full.</exception>
    public int Add(ReadOnlySpan<Complex32> preamble, double cfoHz)
    {
        EnsureRoom();
        _extractor.Extract(preamble, cfoHz, _features.AsSpan(Count * Model.FeatureLength, Model.FeatureLength));
        return Count++;
    }

    /// <summary>Copies already extracted features into the next slot and returns the slot.</summary>
    /// <exception cref="ArgumentException">Not exactly <see cref="FingerprintModel.FeatureLength"/> values.</exception>
    /// <exception cref="InvalidOperationException">The batch is full.</exception>
    public int AddFeatures(ReadOnlySpan<float> features)
    {
        if (features.Length != Model.FeatureLength)
            throw new ArgumentException($"Expected {Model.FeatureLength} feature values, got {features.Length}.", nameof(features));
        EnsureRoom();
        features.CopyTo(_features.AsSpan(Count * Model.FeatureLength));
        return Count++;
    }

    /// <summary>The features in <paramref name="slot"/>.</summary>
    public ReadOnlySpan<float> Features(int slot)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)slot, (uint)Count, nameof(slot));
        return _features.AsSpan(slot * Model.FeatureLength, Model.FeatureLength);
    }

    /// <summary>Runs the model over the <see cref="Count"/> collected bursts (nothing happens when there are none).</summary>
    public void Run()
    {
        if (Count > 0)
            Model.Run(_features.AsSpan(0, Count * Model.FeatureLength), Count, _outputs);
        _hasRun = true;
    }

    /// <summary>The model output of <paramref name="slot"/> from the last <see cref="Run"/>.</summary>
    /// <exception cref="InvalidOperationException">Bursts were added since the last run.</exception>
    public ReadOnlySpan<float> Output(int slot)
    {
        if (!_hasRun)
            throw new InvalidOperationException("Call Run after adding bursts and before reading outputs.");
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)slot, (uint)Count, nameof(slot));
        return _outputs.AsSpan(slot * Model.OutputDimension, Model.OutputDimension);
    }

    /// <summary>Empties the batch for the next bursts.</summary>
    public void Clear()
    {
        Count = 0;
        _hasRun = false;
    }

    private void EnsureRoom()
    {
        if (Count == Capacity)
            throw new InvalidOperationException($"The batch is full ({Capacity} bursts); run and clear it first.");
        _hasRun = false;
    }
}
