namespace RfFingerprint.Registry.Inputs;

/// <summary>
/// What <see cref="IRegistryStore.UpsertEnrolmentAsync"/> writes. Exactly one of <see cref="Embeddings"/> (embedding
/// models) or <see cref="ClassIndex"/> (classifiers) is set.
/// </summary>
public sealed record EnrolmentData
{
    /// <summary>Enrolled device.</summary>
    public required long DeviceId { get; init; }

    /// <summary>Model version the enrolment belongs to.</summary>
    public required long ModelVersionId { get; init; }

    /// <summary>Row-major embeddings (count x <see cref="EmbeddingDimension"/>); length a positive multiple of the dimension.</summary>
    public ReadOnlyMemory<float>? Embeddings { get; init; }

    /// <summary>Length of one embedding; required with <see cref="Embeddings"/>.</summary>
    public int EmbeddingDimension { get; init; }

    /// <summary>Classifier output index of the device.</summary>
    public int? ClassIndex { get; init; }

    /// <summary>CFO statistics over the enrolment bursts.</summary>
    public required CfoStatistics Cfo { get; init; }

    /// <summary>Accepted CFO range (margin included).</summary>
    public required CfoRange CfoRange { get; init; }

    /// <summary>Captures the enrolment bursts came from (replaces the stored list).</summary>
    public IReadOnlyList<long> CaptureIds { get; init; } = [];
}
