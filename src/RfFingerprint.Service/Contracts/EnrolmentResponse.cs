using RfFingerprint.Registry.Entities;

namespace RfFingerprint.Service.Contracts;

/// <summary>An enrolment (what the matcher knows about one device under one model) without its embeddings.</summary>
/// <param name="Id">Registry id.</param>
/// <param name="DeviceId">Enrolled device.</param>
/// <param name="ModelVersionId">Model version.</param>
/// <param name="EmbeddingCount">Stored embeddings (0 for classifier enrolments).</param>
/// <param name="EmbeddingDimension">Length of one embedding.</param>
/// <param name="ClassIndex">Classifier output index, for classifier models.</param>
/// <param name="CfoMeanHz">Mean CFO over the enrolment bursts, Hz.</param>
/// <param name="CfoStdHz">Standard deviation of that CFO, Hz.</param>
/// <param name="CfoCount">Bursts the CFO statistics summarise.</param>
/// <param name="CfoRangeLowerHz">Lower edge of the accepted CFO range, Hz.</param>
/// <param name="CfoRangeUpperHz">Upper edge of the accepted CFO range, Hz.</param>
/// <param name="CaptureIds">Captures the enrolment bursts came from.</param>
/// <param name="UpdatedUtc">Last change.</param>
public sealed record EnrolmentResponse(
    long Id,
    long DeviceId,
    long ModelVersionId,
    int EmbeddingCount,
    int EmbeddingDimension,
    int? ClassIndex,
    double CfoMeanHz,
    double CfoStdHz,
    long CfoCount,
    double CfoRangeLowerHz,
    double CfoRangeUpperHz,
    IReadOnlyList<long> CaptureIds,
    DateTimeOffset UpdatedUtc)
{
    /// <summary>Maps a registry row.</summary>
    public static EnrolmentResponse From(Enrolment e) => new(
        e.Id, e.DeviceId, e.ModelVersionId, e.EmbeddingCount, e.EmbeddingDimension, e.ClassIndex, e.CfoMeanHz, e.CfoStdHz,
        e.CfoCount, e.CfoRangeLowerHz, e.CfoRangeUpperHz, e.Captures.Select(c => c.CaptureId).ToList(), e.UpdatedUtc);
}
