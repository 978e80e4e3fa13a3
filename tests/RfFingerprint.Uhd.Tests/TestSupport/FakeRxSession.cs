using System.Collections.Concurrent;
using MathNet.Numerics;
using RfFingerprint.Uhd.Device;
using RfFingerprint.Uhd.Streaming;

namespace RfFingerprint.Uhd.Tests.TestSupport;

/// <summary>
/// A scripted radio behind the receive loop's seam. Sample <c>k</c> of the device clock has the value
/// <c>(k, -k)</c> and the time <c>k / sampleRateHz</c> seconds, so tests can check indices, contiguity and
/// gaps. When the script is exhausted it reports timeouts (after a short wait) until more steps are added.
/// </summary>
internal sealed class FakeRxSession(double sampleRateHz = 1_000_000, bool timesAreUtc = true) : IRxSession
{
    private readonly BlockingCollection<FakeStep> _script = [];
    private FakeStep? _current;
    private int _consumed;
    private int _disposeCount;

    public UhdDeviceSettings Settings { get; } = new("FakeN210", sampleRateHz, 868.1e6, new UhdTuneResult(868.1e6, 868.1e6, 868.1e6, 0, 0), 20, "RX2", 20e6);

    /// <summary>With a UTC clock the stream starts at device sample 0 (time 0, the Unix epoch).</summary>
    public UhdTimeSpec? StreamOrigin => timesAreUtc ? new UhdTimeSpec(0, 0) : null;

    public int DisposeCount => Volatile.Read(ref _disposeCount);

    /// <summary>Set once the script ran dry and the session started answering with timeouts.</summary>
    public ManualResetEventSlim Drained { get; } = new();

    public static Complex32 ValueAt(long deviceIndex) => new(deviceIndex, -deviceIndex);

    public FakeRxSession Then(params FakeStep[] steps)
    {
        foreach (var step in steps)
        {
            _script.Add(step);
        }

        return this;
    }

    public FakeRxSession ThenSamples(long firstDeviceIndex, int chunkSamples, int chunks)
    {
        for (int i = 0; i < chunks; i++)
        {
            _script.Add(FakeStep.Samples(firstDeviceIndex + ((long)i * chunkSamples), chunkSamples));
        }

        return this;
    }

    public RxChunk Receive(Span<Complex32> destination, double timeoutSeconds)
    {
        if (_current is null)
        {
            if (!_script.TryTake(out _current, TimeSpan.FromMilliseconds(2)))
            {
                Drained.Set();
                return new RxChunk(0, UhdRxMetadataError.Timeout, null);
            }

            _consumed = 0;
        }

        var step = _current;
        if (step.Failure is not null)
        {
            _current = null;
            throw step.Failure;
        }

        if (step.Error != UhdRxMetadataError.None)
        {
            _current = null;
            return new RxChunk(0, step.Error, null);
        }

        int count = Math.Min(step.Count - _consumed, destination.Length);
        long first = step.DeviceIndex + _consumed;
        for (int i = 0; i < count; i++)
        {
            destination[i] = ValueAt(first + i);
        }

        _consumed += count;
        if (_consumed == step.Count)
        {
            _current = null;
        }

        return new RxChunk(count, UhdRxMetadataError.None, new UhdTimeSpec(0, 0).Add(first / sampleRateHz));
    }

    public void Dispose()
    {
        Interlocked.Increment(ref _disposeCount);
        Drained.Dispose();
    }
}
