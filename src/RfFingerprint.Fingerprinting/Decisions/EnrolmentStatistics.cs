namespace RfFingerprint.Fingerprinting.Decisions;

/// <summary>
/// What enrolment learnt about one device for one model version, in plain values a registry can persist:
/// the embeddings of its enrolment bursts (extractor models) or its class index (classifier models), the CFO statistics
/// and the current CFO range (updated by drift tracking).
/// </summary>
public sealed record EnrolmentStatistics
{
    /// <summary>The registry's device identifier.</summary>
    public required string DeviceId { get; init; }

    /// <summary>The model version the embeddings / class index belong to.</summary>
    public required string ModelVersion { get; init; }

    /// <summary>Floats per embedding (0 when there are none).</summary>
    public int EmbeddingDimension { get; init; }

    /// <summary>Enrolment embeddings, row after row: <see cref="EmbeddingCount"/> x <see cref="EmbeddingDimension"/>.</summary>
    public float[] Embeddings { get; init; } = [];

    /// <summary>The device's class in a closed-set classifier, or null.</summary>
    public int? ClassIndex { get; init; }

    /// <summary>CFO statistics of the enrolment bursts.</summary>
    public required CfoStatistics Cfo { get; init; }

    /// <summary>The CFO range in force (starts from <see cref="Cfo"/>, then follows drift).</summary>
    public required CfoRange CfoRange { get; init; }

    /// <summary>Number of stored embeddings.</summary>
    public int EmbeddingCount => EmbeddingDimension == 0 ? 0 : Embeddings.Length / EmbeddingDimension;

    /// <summary>Embedding <paramref name="index"/>.</summary>
    public ReadOnlySpan<float> Embedding(int index) => Embeddings.AsSpan(index * EmbeddingDimension, EmbeddingDimension);

    /// <summary>Enrolment for an extractor model from the device's enrolment bursts.</summary>
    /// <param name="deviceId">Device identifier.</param>
    /// <param name="modelVersion">Model that produced the embeddings.</param>
    /// <param name="embeddings">count x dimension floats, row after row (copied).</param>
    /// <param name="embeddingDimension">Floats per embedding.</param>
    /// <param name="cfoHz">The bursts' CFOs, in Hz (count values).</param>
    /// <param name="options">Range options; null for the defaults.</param>
    /// <exception cref="ArgumentException">No bursts, lengths disagree, or a value is not finite.</exception>
    public static EnrolmentStatistics FromEmbeddings(string deviceId, string modelVersion, ReadOnlySpan<float> embeddings, int embeddingDimension, ReadOnlySpan<double> cfoHz, CfoRangeOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(deviceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelVersion);
        ArgumentOutOfRangeException.ThrowIfLessThan(embeddingDimension, 1);
        if (embeddings.IsEmpty || embeddings.Length % embeddingDimension != 0)
            throw new ArgumentException($"Embeddings must be a non-empty multiple of {embeddingDimension} floats, got {embeddings.Length}.", nameof(embeddings));
        int count = embeddings.Length / embeddingDimension;
        if (cfoHz.Length != count)
            throw new ArgumentException($"{count} embeddings need {count} CFO values, got {cfoHz.Length}.", nameof(cfoHz));
        foreach (float v in embeddings)
        {
            if (!float.IsFinite(v))
                throw new ArgumentException("Embeddings must be finite.", nameof(embeddings));
        }

        var statistics = CfoStatistics.FromSamples(cfoHz);
        options ??= new CfoRangeOptions();
        options.Validate();
        return new EnrolmentStatistics
        {
            DeviceId = deviceId,
            ModelVersion = modelVersion,
            EmbeddingDimension = embeddingDimension,
            Embeddings = embeddings.ToArray(),
            Cfo = statistics,
            CfoRange = CfoRange.FromStatistics(statistics, options),
        };
    }

    /// <summary>Enrolment for a closed-set classifier: the device is class <paramref name="classIndex"/> of the model.</summary>
    /// <exception cref="ArgumentException">No CFO values or a value is not finite.</exception>
    public static EnrolmentStatistics ForClass(string deviceId, string modelVersion, int classIndex, ReadOnlySpan<double> cfoHz, CfoRangeOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(deviceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelVersion);
        ArgumentOutOfRangeException.ThrowIfNegative(classIndex);
        var statistics = CfoStatistics.FromSamples(cfoHz);
        options ??= new CfoRangeOptions();
        options.Validate();
        return new EnrolmentStatistics
        {
            DeviceId = deviceId,
            ModelVersion = modelVersion,
            ClassIndex = classIndex,
            Cfo = statistics,
            CfoRange = CfoRange.FromStatistics(statistics, options),
        };
    }
}
