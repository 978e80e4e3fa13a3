using System.Data.Common;
using RfFingerprint.Registry.Data;
using RfFingerprint.Registry.Entities;
using RfFingerprint.Registry.Inputs;

namespace RfFingerprint.Registry.Store;

/// <summary>Captures and model versions: rows identified by a content digest, registered idempotently.</summary>
internal sealed partial class RegistryStore
{
    private const string CaptureColumns = "id, path, sha512, source, sample_rate_hz, frequency_hz, started_utc, registered_utc";
    private const string ModelColumns = "id, file_name, sha256, kind, input_spec_json, metrics_json, registered_utc";

    public Task<Capture> RegisterCaptureAsync(CaptureInfo info, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(info);
        var sha512 = Identifiers.NormalizeDigest(info.Sha512, 128, nameof(info));
        Identifiers.RequireText(info.Path, 4096, nameof(info));
        Identifiers.RequireText(info.Source, 64, nameof(info));
        if (!(info.SampleRateHz > 0) || !double.IsFinite(info.SampleRateHz) || !double.IsFinite(info.FrequencyHz))
        {
            throw new ArgumentException("SampleRateHz must be positive and FrequencyHz finite.", nameof(info));
        }

        return WriteAsync(
            async (connection, transaction) =>
            {
                await using (var insert = connection.Command(
                    """
                    INSERT INTO captures (path, sha512, source, sample_rate_hz, frequency_hz, started_utc, registered_utc)
                    VALUES (@path, @sha, @source, @rate, @freq, @started, @now)
                    ON CONFLICT (sha512) DO NOTHING
                    """,
                    transaction)
                    .With("@path", info.Path).With("@sha", sha512).With("@source", info.Source)
                    .With("@rate", info.SampleRateHz).With("@freq", info.FrequencyHz)
                    .With("@started", info.StartedUtc is { } started ? _dialect.ToDb(started) : null)
                    .With("@now", _dialect.ToDb(Now())))
                {
                    await insert.ExecuteNonQueryAsync(cancellationToken);
                }

                return (await LoadCaptureAsync(connection, transaction, "sha512", sha512, cancellationToken))!;
            },
            cancellationToken);
    }

    public Task<Capture?> FindCaptureAsync(string sha512, CancellationToken cancellationToken = default)
    {
        var digest = Identifiers.NormalizeDigest(sha512, 128, nameof(sha512));
        return ReadAsync(connection => LoadCaptureAsync(connection, null, "sha512", digest, cancellationToken), cancellationToken);
    }

    public Task<Capture?> GetCaptureAsync(long captureId, CancellationToken cancellationToken = default) =>
        ReadAsync(connection => LoadCaptureAsync(connection, null, "id", captureId, cancellationToken), cancellationToken);

    public Task<ModelVersion?> GetModelVersionAsync(long modelVersionId, CancellationToken cancellationToken = default) =>
        ReadAsync(
            async connection => (await LoadModelsAsync(connection, null, "WHERE id = @p", modelVersionId, cancellationToken)).FirstOrDefault(),
            cancellationToken);

    public Task<ModelVersion> RegisterModelVersionAsync(ModelVersionInfo info, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(info);
        var sha256 = Identifiers.NormalizeDigest(info.Sha256, 64, nameof(info));
        Identifiers.RequireText(info.FileName, 260, nameof(info));
        Identifiers.RequireText(info.InputSpecJson, int.MaxValue, nameof(info));
        return WriteAsync(
            async (connection, transaction) =>
            {
                await using (var insert = connection.Command(
                    """
                    INSERT INTO model_versions (file_name, sha256, kind, input_spec_json, metrics_json, registered_utc)
                    VALUES (@file, @sha, @kind, @spec, @metrics, @now)
                    ON CONFLICT (sha256) DO NOTHING
                    """,
                    transaction)
                    .With("@file", info.FileName).With("@sha", sha256).With("@kind", EnumText.Of(info.Kind))
                    .With("@spec", info.InputSpecJson).With("@metrics", info.MetricsJson).With("@now", _dialect.ToDb(Now())))
                {
                    await insert.ExecuteNonQueryAsync(cancellationToken);
                }

                return (await LoadModelsAsync(connection, transaction, "WHERE sha256 = @p", sha256, cancellationToken))[0];
            },
            cancellationToken);
    }

    public Task<ModelVersion?> FindModelVersionAsync(string sha256, CancellationToken cancellationToken = default)
    {
        var digest = Identifiers.NormalizeDigest(sha256, 64, nameof(sha256));
        return ReadAsync(
            async connection => (await LoadModelsAsync(connection, null, "WHERE sha256 = @p", digest, cancellationToken)).FirstOrDefault(),
            cancellationToken);
    }

    public Task<IReadOnlyList<ModelVersion>> ListModelVersionsAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<ModelVersion>>(
            async connection => await LoadModelsAsync(connection, null, "WHERE id > @p", 0L, cancellationToken),
            cancellationToken);

    /// <summary>The capture whose <paramref name="column"/> (id or sha512, both unique) equals <paramref name="value"/>.</summary>
    private async Task<Capture?> LoadCaptureAsync(
        DbConnection connection, DbTransaction? transaction, string column, object value, CancellationToken cancellationToken)
    {
        await using var select = connection.Command($"SELECT {CaptureColumns} FROM captures WHERE {column} = @p", transaction).With("@p", value);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new Capture
        {
            Id = reader.GetInt64(0),
            Path = reader.GetString(1),
            Sha512 = reader.GetString(2),
            Source = reader.GetString(3),
            SampleRateHz = reader.GetDouble(4),
            FrequencyHz = reader.GetDouble(5),
            StartedUtc = _dialect.ReadNullableTime(reader, 6),
            RegisteredUtc = _dialect.ReadTime(reader, 7),
        };
    }

    private async Task<List<ModelVersion>> LoadModelsAsync(
        DbConnection connection, DbTransaction? transaction, string where, object value, CancellationToken cancellationToken)
    {
        var models = new List<ModelVersion>();
        await using var select = connection.Command($"SELECT {ModelColumns} FROM model_versions {where} ORDER BY id", transaction).With("@p", value);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            models.Add(new ModelVersion
            {
                Id = reader.GetInt64(0),
                FileName = reader.GetString(1),
                Sha256 = reader.GetString(2),
                Kind = EnumText.ToModelKind(reader.GetString(3)),
                InputSpecJson = reader.GetString(4),
                MetricsJson = reader.GetNullableString(5),
                RegisteredUtc = _dialect.ReadTime(reader, 6),
            });
        }

        return models;
    }
}
