using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using RfFingerprint.Sdr.Streaming;
using RfFingerprint.Uhd.Device;
using RfFingerprint.Uhd.Native;

namespace RfFingerprint.Uhd.Streaming;

/// <summary>
/// Live IQ samples from a USRP through libuhd, as an <see cref="IIqSource"/>.
/// </summary>
/// <remarks>
/// <para>A dedicated receive thread reads the device continuously into a fixed pool of
/// <see cref="UhdOptions.QueueBlocks"/> + 2 buffers of <see cref="UhdOptions.BlockSamples"/> samples and
/// never waits for the consumer: when the consumer holds every buffer, further samples are dropped and
/// counted, and the next delivered block reports them in <see cref="IqBlock.SamplesLostBefore"/>.
/// Overflows and reconnections are reported the same way, sized from the jump in the receive time stamps.
/// A block may be shorter than <see cref="UhdOptions.BlockSamples"/> when a gap ends it early.</para>
/// <para>Opening the device is retried with exponential back-off (<see cref="UhdOptions.MaxRetryAttempts"/>,
/// <see cref="UhdOptions.RetryDelay"/>), each attempt logged; a device lost while streaming (receive
/// error, or no samples for <see cref="UhdOptions.StallTimeoutSeconds"/>) is reopened the same way.
/// When the retries run out, <see cref="ReadAsync"/> throws the last <see cref="UhdException"/>.</para>
/// <para>Metrics: the meter <see cref="MeterName"/> publishes the counters of <see cref="Statistics"/>.</para>
/// </remarks>
public sealed class UhdIqSource : IIqSource
{
    /// <summary>Name of the <see cref="Meter"/> the counters are published on.</summary>
    public const string MeterName = "RfFingerprint.Uhd";

    private readonly UhdOptions _options;
    private readonly IRxSessionFactory _factory;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _pipeline;
    private readonly UhdSourceCounters _counters = new();
    private readonly Meter _meter;
    private readonly SemaphoreSlim _openLock = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _receiveDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly int _attempts;

    private IRxSession? _openedSession;
    private Thread? _receiveThread;
    private int _readStarted;
    private int _disposed;

    /// <summary>Creates the source from options bound to the configuration section "Uhd" and loads libuhd; the device is opened by <see cref="OpenAsync"/> or the first read.</summary>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    /// <exception cref="UhdUnavailableException">libuhd is not installed (Debian package libuhd4.3.0).</exception>
    public UhdIqSource(IOptions<UhdOptions> options, ILogger<UhdIqSource> logger)
        : this(options.Value, logger)
    {
    }

    /// <summary>Creates the source and loads libuhd; the device is opened by <see cref="OpenAsync"/> or the first read.</summary>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    /// <exception cref="UhdUnavailableException">libuhd is not installed (Debian package libuhd4.3.0).</exception>
    public UhdIqSource(UhdOptions options, ILogger<UhdIqSource>? logger = null)
        : this(options, CreateFactory(options), logger ?? (ILogger)NullLogger.Instance, TimeProvider.System)
    {
    }

    internal UhdIqSource(UhdOptions options, IRxSessionFactory factory, ILogger logger, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _factory = factory;
        _logger = logger;
        _attempts = options.MaxRetryAttempts + 1;
        _pipeline = BuildPipeline(options, timeProvider);
        Info = new IqStreamInfo(options.SampleRateHz, options.CenterFrequencyHz, Describe(null));
        _meter = CreateMeter();
    }

    /// <summary>
    /// The stream's facts: the requested rate and frequency until the device is open, then the values read
    /// back from it (see <see cref="DeviceSettings"/>) and, when the device clock is set from the host
    /// (<see cref="UhdOptions.SetDeviceTimeFromHostClock"/>), the UTC start time that sample indices count
    /// from: sample <c>k</c> was taken at <c>StartTimeUtc + k / SampleRateHz</c>.
    /// </summary>
    public IqStreamInfo Info { get; private set; }

    /// <summary>What the device uses, read back after configuration; null until opened.</summary>
    public UhdDeviceSettings? DeviceSettings { get; private set; }

    /// <summary>The counters so far; safe to read from any thread.</summary>
    public UhdSourceStatistics Statistics => _counters.Snapshot();

    /// <summary>
    /// Makes and configures the device (retrying with back-off, each attempt logged) and starts streaming,
    /// so that <see cref="Info"/> holds the actual rate and frequency. Does nothing if already open.
    /// </summary>
    /// <exception cref="UhdException">Every attempt failed; the last failure is thrown.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired, or the source was disposed meanwhile.</exception>
    /// <exception cref="ObjectDisposedException">The source was disposed.</exception>
    public async Task OpenAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        await _openLock.WaitAsync(cancellationToken);
        try
        {
            if (_openedSession is not null || _receiveThread is not null)
            {
                return;
            }

            int attempt = 0;

            // Disposing the source abandons the retries instead of waiting for them to run out.
            using var stopOrCancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop.Token);
            try
            {
                _openedSession = await _pipeline.ExecuteAsync(
                    async _ =>
                    {
                        UhdLog.Opening(_logger, _options.Args, ++attempt, _attempts);

                        // uhd_usrp_make blocks (discovery, firmware checks): keep it off the caller's thread.
                        return await Task.Run(() => _factory.Open(_options), CancellationToken.None);
                    },
                    stopOrCancel.Token);
            }
            catch (UhdException e)
            {
                UhdLog.GaveUp(_logger, _options.Args, attempt, e);
                throw;
            }

            Adopt(_openedSession);
        }
        finally
        {
            _openLock.Release();
        }
    }

    /// <summary>Reads blocks until the source is disposed, <paramref name="cancellationToken"/> fires or the device is lost for good. May be called once.</summary>
    /// <remarks>Each block's memory is valid until the next block is requested. Leaving the enumeration stops the receive thread.</remarks>
    /// <exception cref="UhdException">The device could not be (re)opened within the retry budget.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    /// <exception cref="InvalidOperationException">Called a second time.</exception>
    public async IAsyncEnumerable<IqBlock> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (Interlocked.Exchange(ref _readStarted, 1) != 0)
        {
            throw new InvalidOperationException("ReadAsync can be called once per UhdIqSource.");
        }

        await OpenAsync(cancellationToken);
        var pool = new BlockPool(_options.QueueBlocks + 2, _options.BlockSamples);
        var blocks = Channel.CreateBounded<FilledBlock>(new BoundedChannelOptions(pool.BlockCount)
        {
            SingleReader = true,
            SingleWriter = true,
        });
        var assembler = new RxBlockAssembler(pool, blocks.Writer, _counters, _options.BlockSamples);
        var first = _openedSession!;
        _openedSession = null;
        _receiveThread = new Thread(() => ReceiveLoop(first, assembler, blocks.Writer))
        {
            IsBackground = true,
            Name = "uhd-rx",
        };
        _receiveThread.Start();

        Complex32Buffer held = default;
        try
        {
            while (await blocks.Reader.WaitToReadAsync(cancellationToken))
            {
                while (blocks.Reader.TryRead(out var block))
                {
                    held.ReturnTo(pool);
                    held = new Complex32Buffer(block.Buffer);
                    yield return new IqBlock(
                        block.Buffer.AsMemory(0, block.Count),
                        block.FirstSampleIndex,
                        block.FirstSampleTimeUtc,
                        block.SamplesLostBefore);
                }
            }
        }
        finally
        {
            held.ReturnTo(pool);
            await StopReceivingAsync();
        }
    }

    /// <summary>Stops the receive thread, stops streaming and releases the device.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync();
        await StopReceivingAsync();
        await _openLock.WaitAsync();
        try
        {
            _openedSession?.Dispose();
            _openedSession = null;
        }
        finally
        {
            _openLock.Release();
        }

        _meter.Dispose();
        _stop.Dispose();
        _openLock.Dispose();
    }

    private static UhdRxSessionFactory CreateFactory(UhdOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new UhdRxSessionFactory(UhdLibrary.Load(options.LibraryPath));
    }

    private ResiliencePipeline BuildPipeline(UhdOptions options, TimeProvider timeProvider)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                // UhdUnavailableException and argument errors are not transient: they end the attempts at once.
                ShouldHandle = new PredicateBuilder().Handle<UhdException>(),
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                MaxDelay = options.MaxRetryDelay,
                OnRetry = args =>
                {
                    Interlocked.Increment(ref _counters.Retries);
                    UhdLog.RetryScheduled(
                        _logger,
                        options.Args,
                        args.AttemptNumber + 1,
                        args.Outcome.Exception?.Message ?? "no result",
                        args.RetryDelay.TotalSeconds);
                    return default;
                },
            });
        }

        return builder.Build();
    }

    private Meter CreateMeter()
    {
        var meter = new Meter(MeterName);
        var tags = new KeyValuePair<string, object?>[] { new("device", _options.Args) };
        meter.CreateObservableCounter("rffp.uhd.samples_received", () => new Measurement<long>(Interlocked.Read(ref _counters.SamplesReceived), tags), "{sample}", "Samples received from the device");
        meter.CreateObservableCounter("rffp.uhd.samples_dropped", () => new Measurement<long>(Interlocked.Read(ref _counters.SamplesDropped), tags), "{sample}", "Samples dropped because the consumer was too slow");
        meter.CreateObservableCounter("rffp.uhd.samples_lost", () => new Measurement<long>(Interlocked.Read(ref _counters.SamplesLost), tags), "{sample}", "Samples missing from the stream (overflows, reconnections)");
        meter.CreateObservableCounter("rffp.uhd.overflows", () => new Measurement<long>(Interlocked.Read(ref _counters.Overflows), tags), "{event}", "Overflows reported by UHD");
        meter.CreateObservableCounter("rffp.uhd.timeouts", () => new Measurement<long>(Interlocked.Read(ref _counters.Timeouts), tags), "{event}", "Receive calls that timed out");
        meter.CreateObservableCounter("rffp.uhd.retries", () => new Measurement<long>(Interlocked.Read(ref _counters.Retries), tags), "{event}", "Retries of opening the device");
        meter.CreateObservableCounter("rffp.uhd.reconnects", () => new Measurement<long>(Interlocked.Read(ref _counters.Reconnects), tags), "{event}", "Devices lost while streaming and reopened");
        return meter;
    }

    private string Describe(UhdDeviceSettings? settings) =>
        settings is null ? $"USRP ({_options.Args})" : $"USRP {settings.MotherboardName} ({_options.Args})";

    private void Adopt(IRxSession session)
    {
        var settings = session.Settings;
        DeviceSettings = settings;
        Info = new IqStreamInfo(settings.SampleRateHz, settings.CenterFrequencyHz, Describe(settings), session.StreamOrigin?.ToUtc());
        UhdLog.Opened(
            _logger,
            settings.MotherboardName,
            _options.Args,
            settings.SampleRateHz,
            settings.CenterFrequencyHz,
            settings.Tune.ActualRfFrequencyHz,
            settings.Tune.ActualDspFrequencyHz,
            settings.GainDb,
            settings.Antenna,
            settings.BandwidthHz);
        if (Math.Abs(settings.SampleRateHz - _options.SampleRateHz) > 1e-6 * _options.SampleRateHz)
        {
            UhdLog.RateCoerced(_logger, _options.Args, settings.SampleRateHz, _options.SampleRateHz);
        }
    }

    private async Task StopReceivingAsync()
    {
        if (_receiveThread is null)
        {
            return;
        }

        // Both the enumeration's end and DisposeAsync stop the thread; whichever comes second finds it done.
        if (!_receiveDone.Task.IsCompleted)
        {
            try
            {
                await _stop.CancelAsync();
            }
            catch (ObjectDisposedException)
            {
                // DisposeAsync finished stopping it in the meantime.
            }
        }

        await _receiveDone.Task;
    }

    /// <summary>Body of the receive thread: stream, and reopen the device whenever it is lost, until stopped.</summary>
    private void ReceiveLoop(IRxSession first, RxBlockAssembler assembler, ChannelWriter<FilledBlock> output)
    {
        var token = _stop.Token;
        IRxSession? session = first;
        assembler.BeginSession(first.Settings.SampleRateHz, first.StreamOrigin);
        try
        {
            while (!token.IsCancellationRequested)
            {
                session ??= ReopenUntilStreaming(assembler, token);
                try
                {
                    Stream(session, assembler, untilFirstSamples: false, token);
                }
                catch (UhdException e) when (!token.IsCancellationRequested)
                {
                    UhdLog.DeviceLost(_logger, _options.Args, e);
                    Interlocked.Increment(ref _counters.Reconnects);
                    assembler.MarkSessionLost();
                    session.Dispose();
                    session = null;
                }
            }

            assembler.Flush();
            output.TryComplete();
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            output.TryComplete();
        }
        catch (Exception e)
        {
            UhdLog.ReceiveFailed(_logger, _options.Args, e);
            output.TryComplete(e);
        }
        finally
        {
            session?.Dispose();
            assembler.Release();
            var statistics = _counters.Snapshot();
            UhdLog.Stopped(_logger, _options.Args, statistics);
            _receiveDone.TrySetResult();
        }
    }

    /// <summary>
    /// Opens the device again, retrying with back-off, and counts an attempt as good only once samples flow,
    /// so a device that opens but never streams also backs off.
    /// </summary>
    private IRxSession ReopenUntilStreaming(RxBlockAssembler assembler, CancellationToken token)
    {
        int attempt = 0;
        try
        {
            return _pipeline.Execute(
                ct =>
                {
                    UhdLog.Opening(_logger, _options.Args, ++attempt, _attempts);
                    var session = _factory.Open(_options);
                    try
                    {
                        assembler.BeginSession(session.Settings.SampleRateHz, session.StreamOrigin);
                        Stream(session, assembler, untilFirstSamples: true, ct);
                        return session;
                    }
                    catch
                    {
                        session.Dispose();
                        throw;
                    }
                },
                token);
        }
        catch (UhdException e)
        {
            UhdLog.GaveUp(_logger, _options.Args, attempt, e);
            throw;
        }
    }

    /// <summary>Receives until stopped (or, with <paramref name="untilFirstSamples"/>, until samples arrive).</summary>
    /// <exception cref="UhdException">A receive failed, or every receive timed out for the stall limit.</exception>
    private void Stream(IRxSession session, RxBlockAssembler assembler, bool untilFirstSamples, CancellationToken token)
    {
        int stallLimit = (int)Math.Ceiling(_options.StallTimeoutSeconds / _options.ReceiveTimeoutSeconds);
        int timeoutsInARow = 0;
        while (!token.IsCancellationRequested)
        {
            var chunk = session.Receive(assembler.ReceiveSpace(), _options.ReceiveTimeoutSeconds);
            assembler.Accept(chunk);
            switch (chunk.Error)
            {
                case UhdRxMetadataError.None:
                    break;
                case UhdRxMetadataError.Timeout:
                    Interlocked.Increment(ref _counters.Timeouts);
                    if (++timeoutsInARow >= stallLimit)
                    {
                        throw new UhdStreamStalledException(timeoutsInARow * _options.ReceiveTimeoutSeconds, _options.Args);
                    }

                    continue;
                case UhdRxMetadataError.Overflow:
                    UhdLog.Overflow(_logger, _options.Args, assembler.NextIndex);
                    assembler.MarkOverflow();
                    break;
                default:
                    Interlocked.Increment(ref _counters.ReceiveErrors);
                    UhdLog.ReceiveError(_logger, _options.Args, chunk.Error, assembler.NextIndex);
                    assembler.Flush();
                    break;
            }

            timeoutsInARow = 0;
            if (untilFirstSamples && chunk.SampleCount > 0)
            {
                return;
            }
        }
    }
}
