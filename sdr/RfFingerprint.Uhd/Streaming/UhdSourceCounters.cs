namespace RfFingerprint.Uhd.Streaming;

/// <summary>Counters written by the receive thread and read from anywhere.</summary>
internal sealed class UhdSourceCounters
{
    public long SamplesReceived;
    public long SamplesDelivered;
    public long BlocksDelivered;
    public long SamplesDropped;
    public long BlocksDropped;
    public long Overflows;
    public long SamplesLost;
    public long Timeouts;
    public long ReceiveErrors;
    public long Retries;
    public long Reconnects;

    public UhdSourceStatistics Snapshot() => new(
        Interlocked.Read(ref SamplesReceived),
        Interlocked.Read(ref SamplesDelivered),
        Interlocked.Read(ref BlocksDelivered),
        Interlocked.Read(ref SamplesDropped),
        Interlocked.Read(ref BlocksDropped),
        Interlocked.Read(ref Overflows),
        Interlocked.Read(ref SamplesLost),
        Interlocked.Read(ref Timeouts),
        Interlocked.Read(ref ReceiveErrors),
        Interlocked.Read(ref Retries),
        Interlocked.Read(ref Reconnects));
}
