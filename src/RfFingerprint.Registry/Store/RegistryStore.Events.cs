using System.Data.Common;
using System.Globalization;
using System.Text;
using RfFingerprint.Registry.Entities;
using RfFingerprint.Registry.Inputs;

namespace RfFingerprint.Registry.Store;

internal sealed partial class RegistryStore
{
    private const int MaxSpectrogramBytes = 64 * 1024;
    private const int MaxEventLimit = 10_000;

    private const string EventColumns =
        "id, capture_id, sample_index, time_utc, device_id, score, verdict, cfo_hz, snr_db, claimed_dev_addr, claimed_dev_eui, model_version_id, spectrogram";

    // The unique (capture_id, sample_index) index makes a replayed or concurrently inserted burst a no-op; each
    // statement affects 1 row for a new burst and 0 for a known one, so the affected-row total counts new bursts.
    private const string InsertEventSql =
        """
        INSERT INTO auth_events (capture_id, sample_index, time_utc, device_id, score, verdict, cfo_hz, snr_db,
            claimed_dev_addr, claimed_dev_eui, model_version_id, spectrogram)
        VALUES (@capture, @sample, @time, @device, @score, @verdict, @cfo, @snr, @addr, @eui, @model, @spectrogram)
        ON CONFLICT (capture_id, sample_index) DO NOTHING
        """;

    public Task<int> InsertEventsAsync(IReadOnlyList<AuthenticationEventData> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return Task.FromResult(0);
        }

        var claimedEuis = new string?[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            claimedEuis[i] = ValidateEvent(events[i], i);
        }

        return WriteAsync(
            (connection, transaction) => connection.CanCreateBatch
                ? InsertEventsBatchedAsync(connection, transaction, events, claimedEuis, cancellationToken)
                : InsertEventsOneByOneAsync(connection, transaction, events, claimedEuis, cancellationToken),
            cancellationToken);
    }

    /// <summary>PostgreSQL: the whole batch in one round trip.</summary>
    private async Task<int> InsertEventsBatchedAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<AuthenticationEventData> events, string?[] claimedEuis, CancellationToken cancellationToken)
    {
        await using var batch = connection.CreateBatch();
        batch.Transaction = transaction;
        for (var i = 0; i < events.Count; i++)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = InsertEventSql;
            AddEventParameters(command.Parameters, command.CreateParameter, events[i], claimedEuis[i]);
            batch.BatchCommands.Add(command);
        }

        return await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>SQLite: its driver has no batching, and statements run in-process, so one row per call costs little.</summary>
    private async Task<int> InsertEventsOneByOneAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<AuthenticationEventData> events, string?[] claimedEuis, CancellationToken cancellationToken)
    {
        var inserted = 0;
        // One command for all rows: it keeps its compiled statement while only the parameter values change.
        await using var insert = connection.Command(InsertEventSql, transaction);
        for (var i = 0; i < events.Count; i++)
        {
            insert.Parameters.Clear();
            AddEventParameters(insert.Parameters, insert.CreateParameter, events[i], claimedEuis[i]);
            inserted += await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        return inserted;
    }

    private void AddEventParameters(DbParameterCollection parameters, Func<DbParameter> create, AuthenticationEventData e, string? claimedEui)
    {
        void Add(string name, object? value)
        {
            var parameter = create();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            parameters.Add(parameter);
        }

        Add("@capture", e.CaptureId);
        Add("@sample", e.SampleIndex);
        Add("@time", _dialect.ToDb(e.TimeUtc));
        Add("@device", e.DeviceId);
        Add("@score", e.Score);
        Add("@verdict", e.Verdict);
        Add("@cfo", e.CfoHz);
        Add("@snr", e.SnrDb);
        Add("@addr", e.ClaimedDevAddr is { } addr ? (long)addr : null);
        Add("@eui", claimedEui);
        Add("@model", e.ModelVersionId);
        Add("@spectrogram", e.Spectrogram);
    }

    public Task<IReadOnlyList<AuthenticationEvent>> QueryEventsAsync(EventQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Offset < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.Offset, "Offset must be non-negative.");
        }

        if (query.Limit is < 1 or > MaxEventLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.Limit, $"Limit must be between 1 and {MaxEventLimit}.");
        }

        return ReadAsync<IReadOnlyList<AuthenticationEvent>>(
            async connection =>
            {
                await using var select = connection.CreateCommand();
                var sql = new StringBuilder($"SELECT {EventColumns} FROM auth_events");
                AppendFilters(select, sql, query);
                sql.Append(CultureInfo.InvariantCulture, $" ORDER BY id DESC LIMIT {query.Limit} OFFSET {query.Offset}");
                select.CommandText = sql.ToString();

                var events = new List<AuthenticationEvent>();
                await using var reader = await select.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    events.Add(ReadEvent(reader));
                }

                return events;
            },
            cancellationToken);
    }

    public Task<long> CountEventsAsync(EventQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return ReadAsync(
            async connection =>
            {
                await using var count = connection.CreateCommand();
                var sql = new StringBuilder("SELECT COUNT(*) FROM auth_events");
                AppendFilters(count, sql, query);
                count.CommandText = sql.ToString();
                return Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            },
            cancellationToken);
    }

    private static string? ValidateEvent(AuthenticationEventData e, int index)
    {
        ArgumentNullException.ThrowIfNull(e);
        var name = $"events[{index}]";
        if (e.SampleIndex < 0)
        {
            throw new ArgumentException($"SampleIndex must be non-negative (got {e.SampleIndex}).", name);
        }

        Identifiers.RequireText(e.Verdict, 64, name);
        if (e.Spectrogram is { Length: > MaxSpectrogramBytes })
        {
            throw new ArgumentException($"Spectrogram is {e.Spectrogram.Length} bytes; at most {MaxSpectrogramBytes} are stored.", name);
        }

        return e.ClaimedDevEui is null ? null : Identifiers.NormalizeDevEui(e.ClaimedDevEui, name);
    }

    private void AppendFilters(DbCommand command, StringBuilder sql, EventQuery query)
    {
        var clauses = new List<string>();
        if (query.DeviceId is { } deviceId)
        {
            clauses.Add("device_id = @device");
            command.With("@device", deviceId);
        }

        if (query.Verdict is { } verdict)
        {
            clauses.Add("verdict = @verdict");
            command.With("@verdict", verdict);
        }

        if (query.SinceUtc is { } since)
        {
            clauses.Add("time_utc >= @since");
            command.With("@since", _dialect.ToDb(since));
        }

        if (query.AfterId is { } afterId)
        {
            clauses.Add("id > @after");
            command.With("@after", afterId);
        }

        if (query.CaptureId is { } captureId)
        {
            clauses.Add("capture_id = @capture");
            command.With("@capture", captureId);
        }

        if (clauses.Count > 0)
        {
            sql.Append(" WHERE ").AppendJoin(" AND ", clauses);
        }
    }

    private AuthenticationEvent ReadEvent(DbDataReader reader) => new()
    {
        Id = reader.GetInt64(0),
        CaptureId = reader.GetInt64(1),
        SampleIndex = reader.GetInt64(2),
        TimeUtc = _dialect.ReadTime(reader, 3),
        DeviceId = reader.GetNullableInt64(4),
        Score = reader.GetNullableDouble(5),
        Verdict = reader.GetString(6),
        CfoHz = reader.GetDouble(7),
        SnrDb = reader.GetDouble(8),
        ClaimedDevAddr = reader.GetNullableInt64(9) is { } addr ? checked((uint)addr) : null,
        ClaimedDevEui = reader.GetNullableString(10),
        ModelVersionId = reader.GetNullableInt64(11),
        Spectrogram = reader.GetNullableBytes(12),
    };
}
