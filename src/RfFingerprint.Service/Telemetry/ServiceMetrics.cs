using System.Diagnostics.Metrics;

namespace RfFingerprint.Service.Telemetry;

/// <summary>
/// The service's instruments (meter <see cref="MeterName"/>), exported in Prometheus text format at
/// <c>/api/v1/metrics</c> and visible to <c>dotnet-counters</c>.
/// </summary>
public sealed class ServiceMetrics : IDisposable
{
    /// <summary>Name of the service's meter.</summary>
    public const string MeterName = "RfFingerprint.Service";

    private readonly Meter _meter;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>.</summary>
    public ServiceMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(MeterName);
        Decisions = _meter.CreateCounter<long>("rffp.decisions", "{burst}", "Bursts decided, by verdict");
        EventsWritten = _meter.CreateCounter<long>("rffp.events.written", "{event}", "Events newly written to the registry");
        BlocksDropped = _meter.CreateCounter<long>("rffp.capture.blocks.dropped", "{block}", "IQ blocks the capture worker dropped because its queue was full");
        SamplesDropped = _meter.CreateCounter<long>("rffp.capture.samples.dropped", "{sample}", "IQ samples lost: dropped by the worker's queue or by the radio");
        SamplesReceived = _meter.CreateCounter<long>("rffp.capture.samples.received", "{sample}", "IQ samples received by the capture worker");
        LiveFeedDropped = _meter.CreateCounter<long>("rffp.livefeed.dropped", "{decision}", "Decisions a slow live-feed subscriber missed");
        JobsCompleted = _meter.CreateCounter<long>("rffp.jobs.completed", "{job}", "Background jobs finished, by kind and outcome");
    }

    /// <summary>Bursts decided (tag <c>verdict</c>).</summary>
    public Counter<long> Decisions { get; }

    /// <summary>Events newly inserted (duplicates not counted).</summary>
    public Counter<long> EventsWritten { get; }

    /// <summary>Blocks dropped between the receive loop and the pipeline.</summary>
    public Counter<long> BlocksDropped { get; }

    /// <summary>Samples lost (tag <c>where</c>: <c>queue</c> or <c>radio</c>).</summary>
    public Counter<long> SamplesDropped { get; }

    /// <summary>Samples received from the source.</summary>
    public Counter<long> SamplesReceived { get; }

    /// <summary>Live-feed decisions dropped for slow subscribers.</summary>
    public Counter<long> LiveFeedDropped { get; }

    /// <summary>Jobs finished (tags <c>kind</c>, <c>outcome</c>).</summary>
    public Counter<long> JobsCompleted { get; }

    /// <summary>Adds an observable gauge to the service's meter.</summary>
    public ObservableGauge<T> CreateGauge<T>(string name, Func<T> observe, string unit, string description) where T : struct =>
        _meter.CreateObservableGauge(name, observe, unit, description);

    /// <inheritdoc/>
    public void Dispose() => _meter.Dispose();
}
