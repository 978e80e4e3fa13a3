using System.Threading.Channels;
using Microsoft.Extensions.Options;
using RfFingerprint.Service.Hosting;
using RfFingerprint.Service.Telemetry;

namespace RfFingerprint.Service.Live;

/// <summary>
/// Fans decisions out to live-feed subscribers. Each subscriber has its own bounded buffer that drops its oldest
/// decision when full, so <see cref="Publish"/> never waits: a slow browser loses (counted) decisions instead of
/// stalling the pipeline that publishes. Thread-safe.
/// </summary>
public sealed class DecisionBroadcaster(IOptions<ServiceOptions> options, ServiceMetrics metrics)
{
    private readonly object _gate = new();
    private readonly int _capacity = Math.Max(1, options.Value.LiveFeedBufferPerSubscriber);
    private readonly int _maxSubscribers = Math.Max(1, options.Value.LiveFeedMaxSubscribers);
    private Subscription[] _subscribers = [];

    /// <summary>Current number of subscribers.</summary>
    public int SubscriberCount => Volatile.Read(ref _subscribers).Length;

    /// <summary>Hands <paramref name="decision"/> to every subscriber without blocking.</summary>
    public void Publish(LiveDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            // DropOldest makes TryWrite succeed whenever the channel is open; the drop callback counts the loss.
            subscriber.Writer.TryWrite(decision);
        }
    }

    /// <summary>
    /// Registers a subscriber; dispose the result to leave. Null when <see cref="ServiceOptions.LiveFeedMaxSubscribers"/>
    /// are already listening.
    /// </summary>
    public Subscription? Subscribe()
    {
        lock (_gate)
        {
            if (_subscribers.Length >= _maxSubscribers)
            {
                return null;
            }

            var subscription = new Subscription(this, _capacity, metrics);
            _subscribers = [.. _subscribers, subscription];
            return subscription;
        }
    }

    private void Remove(Subscription subscription)
    {
        lock (_gate)
        {
            _subscribers = _subscribers.Where(s => !ReferenceEquals(s, subscription)).ToArray();
        }
    }

    /// <summary>One subscriber's buffer.</summary>
    public sealed class Subscription : IDisposable
    {
        private readonly DecisionBroadcaster _owner;
        private readonly Channel<LiveDecision> _channel;
        private long _dropped;

        internal Subscription(DecisionBroadcaster owner, int capacity, ServiceMetrics metrics)
        {
            _owner = owner;
            _channel = Channel.CreateBounded<LiveDecision>(
                new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
                _ =>
                {
                    Interlocked.Increment(ref _dropped);
                    metrics.LiveFeedDropped.Add(1);
                });
        }

        internal ChannelWriter<LiveDecision> Writer => _channel.Writer;

        /// <summary>Decisions read in publication order.</summary>
        public ChannelReader<LiveDecision> Reader => _channel.Reader;

        /// <summary>Decisions this subscriber lost because its buffer was full.</summary>
        public long Dropped => Interlocked.Read(ref _dropped);

        /// <inheritdoc/>
        public void Dispose()
        {
            _owner.Remove(this);
            _channel.Writer.TryComplete();
        }
    }
}
