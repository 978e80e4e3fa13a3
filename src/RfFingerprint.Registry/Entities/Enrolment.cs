using RfFingerprint.Registry.Inputs;

namespace RfFingerprint.Registry.Entities;

/// <summary>
/// What the matcher knows about one device under one model version: stored embeddings (embedding models) or a
/// class index (classifiers), and the device's carrier-frequency-offset statistics. Unique on (device, model).
/// </summary>
public sealed class Enrolment
{
    /// <summary>Database key.</summary>
    public long Id { get; set; }

    /// <summary>Enrolled device.</summary>
    public long DeviceId { get; set; }

    /// <summary>Model version the embeddings / class index belong to.</summary>
    public long ModelVersionId { get; set; }

    /// <summary>Length of one embedding (0 for classifier enrolments).</summary>
    public int EmbeddingDimension { get; set; }

    /// <summary>Number of embeddings stored in <see cref="Embeddings"/>.</summary>
    public int EmbeddingCount { get; set; }

    /// <summary>
    /// Embeddings as float32 little-endian, row-major (<see cref="EmbeddingCount"/> x <see cref="EmbeddingDimension"/>);
    /// null for classifier enrolments. Decode with <see cref="EmbeddingBlob.Decode"/>.
    /// </summary>
    public byte[]? Embeddings { get; set; }

    /// <summary>Output index of the device for classifier models; null for embedding models.</summary>
    public int? ClassIndex { get; set; }

    /// <summary>Mean CFO over the enrolment bursts, Hz.</summary>
    public double CfoMeanHz { get; set; }

    /// <summary>Standard deviation of the CFO over the enrolment bursts, Hz.</summary>
    public double CfoStdHz { get; set; }

    /// <summary>Smallest CFO seen while enrolling, Hz.</summary>
    public double CfoMinHz { get; set; }

    /// <summary>Largest CFO seen while enrolling, Hz.</summary>
    public double CfoMaxHz { get; set; }

    /// <summary>Number of bursts the CFO statistics summarise.</summary>
    public long CfoCount { get; set; }

    /// <summary>Lower edge of the accepted CFO range (margin included), Hz; moved by drift tracking.</summary>
    public double CfoRangeLowerHz { get; set; }

    /// <summary>Upper edge of the accepted CFO range (margin included), Hz; moved by drift tracking.</summary>
    public double CfoRangeUpperHz { get; set; }

    /// <summary>When the enrolment was first created (UTC).</summary>
    public DateTimeOffset CreatedUtc { get; set; }

    /// <summary>When the enrolment or its CFO range last changed (UTC).</summary>
    public DateTimeOffset UpdatedUtc { get; set; }

    /// <summary>Captures the enrolment bursts came from.</summary>
    public List<EnrolmentCapture> Captures { get; set; } = [];

    /// <summary>The CFO statistics as one value.</summary>
    public CfoStatistics Cfo => new(CfoMeanHz, CfoStdHz, CfoMinHz, CfoMaxHz, CfoCount);

    /// <summary>The accepted CFO range as one value.</summary>
    public CfoRange CfoRange => new(CfoRangeLowerHz, CfoRangeUpperHz);

    /// <summary>Decodes <see cref="Embeddings"/> into a new row-major array (empty for classifier enrolments).</summary>
    public float[] DecodeEmbeddings() => Embeddings is null ? [] : EmbeddingBlob.Decode(Embeddings);
}
