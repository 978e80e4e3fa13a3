using System.Data.Common;
using System.Globalization;
using RfFingerprint.Registry.Data;
using RfFingerprint.Registry.Entities;
using RfFingerprint.Registry.Inputs;

namespace RfFingerprint.Registry.Store;

internal sealed partial class RegistryStore
{
    private const string EnrolmentColumns =
        "e.id, e.device_id, e.model_version_id, e.embedding_dimension, e.embedding_count, e.embeddings, e.class_index, " +
        "e.cfo_mean_hz, e.cfo_std_hz, e.cfo_min_hz, e.cfo_max_hz, e.cfo_count, e.cfo_range_lower_hz, e.cfo_range_upper_hz, " +
        "e.created_utc, e.updated_utc";

    public Task<Enrolment> UpsertEnrolmentAsync(EnrolmentData data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var (blob, dimension, count) = ValidateEnrolment(data);
        var now = Now();
        return WriteAsync(
            async (connection, transaction) =>
            {
                await RequireRowAsync(connection, transaction, "devices", data.DeviceId, "device", cancellationToken);
                await RequireRowAsync(connection, transaction, "model_versions", data.ModelVersionId, "model version", cancellationToken);
                foreach (var captureId in data.CaptureIds)
                {
                    await RequireRowAsync(connection, transaction, "captures", captureId, "capture", cancellationToken);
                }

                await using var upsert = connection.Command(
                    """
                    INSERT INTO enrolments (device_id, model_version_id, embedding_dimension, embedding_count, embeddings, class_index,
                        cfo_mean_hz, cfo_std_hz, cfo_min_hz, cfo_max_hz, cfo_count, cfo_range_lower_hz, cfo_range_upper_hz,
                        created_utc, updated_utc)
                    VALUES (@device, @model, @dimension, @count, @embeddings, @class,
                        @mean, @std, @min, @max, @n, @lower, @upper, @now, @now)
                    ON CONFLICT (device_id, model_version_id) DO UPDATE SET
                        embedding_dimension = excluded.embedding_dimension, embedding_count = excluded.embedding_count,
                        embeddings = excluded.embeddings, class_index = excluded.class_index,
                        cfo_mean_hz = excluded.cfo_mean_hz, cfo_std_hz = excluded.cfo_std_hz,
                        cfo_min_hz = excluded.cfo_min_hz, cfo_max_hz = excluded.cfo_max_hz, cfo_count = excluded.cfo_count,
                        cfo_range_lower_hz = excluded.cfo_range_lower_hz, cfo_range_upper_hz = excluded.cfo_range_upper_hz,
                        updated_utc = excluded.updated_utc
                    RETURNING id
                    """,
                    transaction)
                    .With("@device", data.DeviceId).With("@model", data.ModelVersionId)
                    .With("@dimension", dimension).With("@count", count).With("@embeddings", blob).With("@class", data.ClassIndex)
                    .With("@mean", data.Cfo.MeanHz).With("@std", data.Cfo.StdHz).With("@min", data.Cfo.MinHz)
                    .With("@max", data.Cfo.MaxHz).With("@n", data.Cfo.Count)
                    .With("@lower", data.CfoRange.LowerHz).With("@upper", data.CfoRange.UpperHz)
                    .With("@now", _dialect.ToDb(now));
                var id = Convert.ToInt64(await upsert.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);

                await using (var clear = connection.Command("DELETE FROM enrolment_captures WHERE enrolment_id = @id", transaction).With("@id", id))
                {
                    await clear.ExecuteNonQueryAsync(cancellationToken);
                }

                await using (var link = connection.Command(
                    "INSERT INTO enrolment_captures (enrolment_id, capture_id) VALUES (@id, @capture)", transaction)
                    .With("@id", id).With("@capture", 0L))
                {
                    foreach (var captureId in data.CaptureIds.Distinct())
                    {
                        link.Set("@capture", captureId);
                        await link.ExecuteNonQueryAsync(cancellationToken);
                    }
                }

                return (await LoadEnrolmentsAsync(connection, transaction, "WHERE e.id = @p", id, cancellationToken))[0];
            },
            cancellationToken);
    }

    public Task<Enrolment?> GetEnrolmentAsync(long deviceId, long modelVersionId, CancellationToken cancellationToken = default) =>
        ReadAsync(
            async connection => (await LoadEnrolmentsAsync(
                connection,
                null,
                "WHERE e.model_version_id = @p AND e.device_id = @q",
                modelVersionId,
                cancellationToken,
                deviceId)).FirstOrDefault(),
            cancellationToken);

    public Task<IReadOnlyList<Enrolment>> ListEnrolmentsAsync(long modelVersionId, bool activeDevicesOnly = true, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<Enrolment>>(
            async connection => await LoadEnrolmentsAsync(
                connection,
                null,
                activeDevicesOnly
                    ? $"WHERE e.model_version_id = @p AND e.device_id IN (SELECT id FROM devices WHERE status = '{EnumText.Of(DeviceStatus.Active)}')"
                    : "WHERE e.model_version_id = @p",
                modelVersionId,
                cancellationToken),
            cancellationToken);

    public Task<bool> UpdateCfoRangeAsync(long enrolmentId, CfoRange range, CancellationToken cancellationToken = default)
    {
        ValidateRange(range, nameof(range));
        return WriteAsync(
            async (connection, transaction) =>
            {
                await using var update = connection.Command(
                    "UPDATE enrolments SET cfo_range_lower_hz = @lower, cfo_range_upper_hz = @upper, updated_utc = @now WHERE id = @id",
                    transaction)
                    .With("@lower", range.LowerHz).With("@upper", range.UpperHz).With("@now", _dialect.ToDb(Now())).With("@id", enrolmentId);
                return await update.ExecuteNonQueryAsync(cancellationToken) == 1;
            },
            cancellationToken);
    }

    private static (byte[]? Blob, int Dimension, int Count) ValidateEnrolment(EnrolmentData data)
    {
        if (data.Embeddings.HasValue == data.ClassIndex.HasValue)
        {
            throw new ArgumentException("An enrolment needs exactly one of Embeddings (embedding model) or ClassIndex (classifier).", nameof(data));
        }

        var s = data.Cfo;
        foreach (var value in new[] { s.MeanHz, s.StdHz, s.MinHz, s.MaxHz })
        {
            Identifiers.RequireFinite(value, nameof(data));
        }

        if (s.Count < 0 || s.StdHz < 0 || s.MinHz > s.MaxHz)
        {
            throw new ArgumentException("CFO statistics need Count >= 0, StdHz >= 0 and MinHz <= MaxHz.", nameof(data));
        }

        ValidateRange(data.CfoRange, nameof(data));
        if (data.ClassIndex is { } classIndex)
        {
            return classIndex < 0
                ? throw new ArgumentException($"ClassIndex must be non-negative (got {classIndex}).", nameof(data))
                : (null, 0, 0);
        }

        var embeddings = data.Embeddings!.Value.Span;
        var dimension = data.EmbeddingDimension;
        if (dimension <= 0 || embeddings.Length == 0 || embeddings.Length % dimension != 0)
        {
            throw new ArgumentException(
                $"Embeddings length ({embeddings.Length}) must be a positive multiple of EmbeddingDimension ({dimension}).", nameof(data));
        }

        foreach (var value in embeddings)
        {
            if (!float.IsFinite(value))
            {
                throw new ArgumentException("Embeddings must be finite numbers.", nameof(data));
            }
        }

        return (EmbeddingBlob.Encode(embeddings), dimension, embeddings.Length / dimension);
    }

    private static void ValidateRange(CfoRange range, string parameterName)
    {
        Identifiers.RequireFinite(range.LowerHz, parameterName);
        Identifiers.RequireFinite(range.UpperHz, parameterName);
        if (range.LowerHz > range.UpperHz)
        {
            throw new ArgumentException($"CFO range lower edge {range.LowerHz} Hz is above the upper edge {range.UpperHz} Hz.", parameterName);
        }
    }

    private static async Task RequireRowAsync(
        DbConnection connection, DbTransaction transaction, string table, long id, string what, CancellationToken cancellationToken)
    {
        await using var exists = connection.Command($"SELECT 1 FROM {table} WHERE id = @id", transaction).With("@id", id);
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            throw new KeyNotFoundException($"No {what} with id {id} in the registry.");
        }
    }

    /// <summary>Enrolments matching <paramref name="where"/> (alias e, parameters "@p" and optionally "@q"), with capture ids, by device id.</summary>
    private async Task<List<Enrolment>> LoadEnrolmentsAsync(
        DbConnection connection, DbTransaction? transaction, string where, object value, CancellationToken cancellationToken, object? second = null)
    {
        var enrolments = new List<Enrolment>();
        await using (var select = connection.Command($"SELECT {EnrolmentColumns} FROM enrolments e {where} ORDER BY e.device_id", transaction).WithPair(value, second))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                enrolments.Add(new Enrolment
                {
                    Id = reader.GetInt64(0),
                    DeviceId = reader.GetInt64(1),
                    ModelVersionId = reader.GetInt64(2),
                    EmbeddingDimension = reader.GetInt32(3),
                    EmbeddingCount = reader.GetInt32(4),
                    Embeddings = reader.GetNullableBytes(5),
                    ClassIndex = reader.GetNullableInt32(6),
                    CfoMeanHz = reader.GetDouble(7),
                    CfoStdHz = reader.GetDouble(8),
                    CfoMinHz = reader.GetDouble(9),
                    CfoMaxHz = reader.GetDouble(10),
                    CfoCount = reader.GetInt64(11),
                    CfoRangeLowerHz = reader.GetDouble(12),
                    CfoRangeUpperHz = reader.GetDouble(13),
                    CreatedUtc = _dialect.ReadTime(reader, 14),
                    UpdatedUtc = _dialect.ReadTime(reader, 15),
                });
            }
        }

        if (enrolments.Count == 0)
        {
            return enrolments;
        }

        var byId = enrolments.ToDictionary(e => e.Id);
        await using (var select = connection.Command(
            $"SELECT c.enrolment_id, c.capture_id FROM enrolment_captures c WHERE c.enrolment_id IN (SELECT e.id FROM enrolments e {where}) ORDER BY c.capture_id",
            transaction).WithPair(value, second))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var link = new EnrolmentCapture { EnrolmentId = reader.GetInt64(0), CaptureId = reader.GetInt64(1) };
                byId[link.EnrolmentId].Captures.Add(link);
            }
        }

        return enrolments;
    }
}
