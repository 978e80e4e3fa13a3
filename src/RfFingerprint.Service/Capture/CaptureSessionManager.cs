using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using RfFingerprint.Pipeline.UseCases;
using RfFingerprint.Registry;
using RfFingerprint.Registry.Inputs;
using RfFingerprint.Sdr.Recording;
using RfFingerprint.Service.Contracts;
using RfFingerprint.Service.Live;
using RfFingerprint.Service.Processing;
using RfFingerprint.Service.Telemetry;

namespace RfFingerprint.Service.Capture;

/// <summary>
/// Runs at most one live capture session at a time: source → bounded queue → pipeline → decisions → registry events
/// and the live feed, optionally recording the stream or the detected bursts to SigMF. Started and stopped at run time
/// through the API, by timed capture-session jobs, or at start-up (<see cref="CaptureOptions.AutoStart"/>).
/// Also reports the radio's health. Thread-safe.
/// </summary>
public sealed partial class CaptureSessionManager(
    IqSourceFactory sources,
    PipelineProvider pipelines,
    IRegistryStore registry,
    CaptureStore captures,
    DecisionBroadcaster broadcaster,
    ServiceMetrics metrics,
    IOptions<CaptureOptions> options,
    ILogger<CaptureSessionManager> logger) : IHealthContributor, IAsyncDisposable
{
    /// <summary>How long a stopping session may take to write its last events before its pipeline is cancelled.</summary>
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private Session? _current;
    private CaptureStatus _last = new("stopped", null, null, null, null, CaptureRecordMode.None, null, null, 0, 0, 0, 0, null);

    /// <inheritdoc/>
    public string Name => "radio";

    /// <summary>The current session's status, or the last one's.</summary>
    public CaptureStatus Status
    {
        get
        {
            lock (_gate)
            {
                return _current?.Snapshot("running") ?? _last;
            }
        }
    }

    /// <summary>True while a session runs.</summary>
    public bool IsRunning
    {
        get
        {
            lock (_gate)
            {
                return _current is not null;
            }
        }
    }

    /// <summary>
    /// Starts a session recording <paramref name="record"/> (null: <see cref="CaptureOptions.Record"/>); it runs until
    /// <see cref="StopAsync"/>, the source ends, or <paramref name="duration"/> passes.
    /// </summary>
    /// <returns>The status at start and a task that completes when the session stops (it never faults).</returns>
    /// <exception cref="InvalidOperationException">A session is already running.</exception>
    /// <exception cref="ArgumentException">Unknown recording mode.</exception>
    public (CaptureStatus Status, Task Completion) Start(string? record, TimeSpan? duration)
    {
        record ??= options.Value.Record;
        if (!CaptureRecordMode.IsValid(record))
        {
            throw new ArgumentException($"record must be none, stream or bursts, not '{record}'", nameof(record));
        }

        lock (_gate)
        {
            if (_current is not null)
            {
                throw new InvalidOperationException($"capture session {_current.Id} is already running");
            }

            var now = DateTimeOffset.UtcNow;
            var session = new Session(Guid.NewGuid().ToString("N")[..12], record, now, duration is { } d ? now + d : null)
            {
                SourceName = $"{options.Value.Source} (opening)",
            };
            _current = session;
            session.Task = Task.Run(() => RunAsync(session, duration));
            return (session.Snapshot("running"), session.Task);
        }
    }

    /// <summary>Stops the running session (if any) and waits for it to wind down.</summary>
    public async Task<CaptureStatus> StopAsync()
    {
        Session? session;
        lock (_gate)
        {
            session = _current;
        }

        if (session is not null)
        {
            await session.Stop.CancelAsync();
            await session.Task!.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        return Status;
    }

    /// <inheritdoc/>
    public ComponentHealth Check()
    {
        var status = Status;
        return status.State switch
        {
            "running" => new ComponentHealth("ok", $"{status.Source}: {status.SamplesReceived} samples, {status.SamplesDropped} dropped, {status.SamplesLostBySource} lost by the source"),
            "failed" => new ComponentHealth("failed", status.Error ?? "the last capture session failed"),
            _ => new ComponentHealth("stopped", $"no capture session (source {options.Value.Source})"),
        };
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task RunAsync(Session session, TimeSpan? duration)
    {
        string? error = null;
        try
        {
            if (duration is { } limit)
            {
                session.Stop.CancelAfter(limit);
            }

            var authentication = await pipelines.GetAuthenticationAsync(session.Stop.Token);
            var inner = await sources.CreateAsync(session.Stop.Token);
            using var recorder = CreateRecorder(session, inner.Info);
            await using var source = new BufferedIqSource(inner, Math.Max(1, options.Value.QueueBlocks))
            {
                // Stream recording happens on the pipeline's side of the queue, never in the receive loop.
                OnBlock = recorder is not null && session.Record == CaptureRecordMode.Stream ? recorder.Append : null,
            };
            session.Source = source;
            session.SourceName = source.Info.Description;
            source.Counters.Dropped += samples =>
            {
                metrics.BlocksDropped.Add(1);
                metrics.SamplesDropped.Add(samples, new KeyValuePair<string, object?>("where", "queue"));
            };
            source.Counters.Received += (samples, lost) =>
            {
                metrics.SamplesReceived.Add(samples);
                if (lost > 0)
                {
                    metrics.SamplesDropped.Add(lost, new KeyValuePair<string, object?>("where", "source"));
                }
            };

            var capture = await registry.RegisterCaptureAsync(new CaptureInfo(
                $"live:{session.SourceName}:{session.Id}", SessionDigest(session), "live", source.Info.SampleRateHz,
                source.Info.CenterFrequencyHz, source.Info.StartTimeUtc ?? session.StartedUtc), session.Stop.Token);
            session.CaptureId = capture.Id;
            LogStarted(logger, session.Id, session.SourceName, session.Record);
            try
            {
                // A stop ends the stream (the last decisions are still written); only a stop that does not finish
                // within StopGrace cancels the pipeline itself.
                session.Stop.Token.Register(() => session.Abort.CancelAfter(StopGrace));
                var stream = new StoppableIqSource(source, session.Stop.Token);
                await foreach (var decision in authentication.RunAsync(stream, capture.Id, session.Abort.Token))
                {
                    Interlocked.Increment(ref session.Bursts);
                    metrics.Decisions.Add(1, new KeyValuePair<string, object?>("verdict", decision.VerdictText));
                    broadcaster.Publish(LiveDecisions.From(decision, capture.Id));
                    if (recorder is not null && session.Record == CaptureRecordMode.Bursts)
                    {
                        WriteBurst(recorder, decision);
                    }
                }
            }
            finally
            {
                recorder?.Complete();
            }
        }
        catch (OperationCanceledException) when (session.Stop.IsCancellationRequested || session.Abort.IsCancellationRequested)
        {
            // Stopped by request or by the session's time limit.
        }
        catch (Exception ex)
        {
            error = ex.Message;
            LogFailed(logger, ex, session.Id);
        }
        finally
        {
            lock (_gate)
            {
                _last = session.Snapshot(error is null ? "stopped" : "failed") with { Error = error };
                _current = null;
            }
        }
    }

    private SigMFRecorder? CreateRecorder(Session session, Sdr.Streaming.IqStreamInfo info)
    {
        if (session.Record == CaptureRecordMode.None)
        {
            return null;
        }

        var recorder = SigMFRecorder.Create(captures.NewBasePath($"live-{session.Record}"), info, new SigMFRecorderOptions
        {
            Description = $"rffp capture session {session.Id} ({session.Record}) from {info.Description}",
            FlushEveryBurst = false,
        });
        session.RecordingPath = recorder.MetaPath;
        return recorder;
    }

    private static void WriteBurst(SigMFRecorder recorder, BurstDecision decision)
    {
        var burst = decision.Burst.Received.Burst;
        if (burst.Preamble.IsEmpty)
        {
            return;
        }

        recorder.WriteBurst(burst.Preamble.Span, burst.SampleStart, decision.Burst.Received.TimeUtc, "lora", new Dictionary<string, JsonNode?>
        {
            ["rffp:verdict"] = decision.VerdictText,
            ["rffp:cfo_hz"] = double.IsFinite(burst.CfoHz) ? burst.CfoHz : null,
            ["rffp:snr_db"] = double.IsFinite(burst.SnrDb) ? burst.SnrDb : null,
            ["rffp:spreading_factor"] = burst.SpreadingFactor,
        });
    }

    /// <summary>
    /// A live session has no file to hash, so its registry identity is the SHA-512 of its unique label: events of one
    /// session stay unique per sample index, and two sessions never share a capture row.
    /// </summary>
    private static string SessionDigest(Session session) =>
        Convert.ToHexStringLower(SHA512.HashData(Encoding.UTF8.GetBytes(
            $"rffp-live:{session.SourceName}:{session.Id}:{session.StartedUtc.ToString("O", CultureInfo.InvariantCulture)}")));

    [LoggerMessage(Level = LogLevel.Information, Message = "Capture session {SessionId} started on {Source} (record: {Record})")]
    private static partial void LogStarted(ILogger logger, string sessionId, string source, string record);

    [LoggerMessage(Level = LogLevel.Error, Message = "Capture session {SessionId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string sessionId);

    private sealed class Session(string id, string record, DateTimeOffset startedUtc, DateTimeOffset? stopsUtc)
    {
        public long Bursts;

        public string Id { get; } = id;

        public string Record { get; } = record;

        public DateTimeOffset StartedUtc { get; } = startedUtc;

        public CancellationTokenSource Stop { get; } = new();

        public CancellationTokenSource Abort { get; } = new();

        public Task? Task { get; set; }

        public BufferedIqSource? Source { get; set; }

        public string SourceName { get; set; } = string.Empty;

        public long? CaptureId { get; set; }

        public string? RecordingPath { get; set; }

        public CaptureStatus Snapshot(string state)
        {
            var counters = Source?.Counters;
            return new CaptureStatus(state, SourceName, Id, StartedUtc, stopsUtc, Record, RecordingPath, CaptureId,
                counters?.SamplesReceived ?? 0, counters?.SamplesLostBySource ?? 0, counters?.SamplesDropped ?? 0,
                Interlocked.Read(ref Bursts), null);
        }
    }
}
