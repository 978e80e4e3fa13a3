using MathNet.Numerics;
using RfFingerprint.Uhd.Native;

namespace RfFingerprint.Uhd.Device;

/// <summary>
/// An RX streamer attached to a device: made only by <see cref="UhdUsrp.GetRxStream"/>, so every
/// instance is safe to command and receive on. One channel, fc32 on the host.
/// </summary>
/// <remarks>Use from one thread at a time (UHD streamers are not re-entrant).</remarks>
public sealed unsafe class UhdRxStreamer : IDisposable
{
    private readonly RxStreamerSafeHandle _handle;

    internal UhdRxStreamer(UhdLibrary library, RxStreamerSafeHandle handle, UhdStreamArgs streamArgs)
    {
        Library = library;
        _handle = handle;
        StreamArgs = streamArgs;
        nuint maxSamples = 0;
        nint h = _handle.Enter();
        try
        {
            Check(library.Api.RxStreamerMaxNumSamps(h, &maxSamples), "uhd_rx_streamer_max_num_samps", h);
        }
        finally
        {
            _handle.DangerousRelease();
        }

        MaxSamplesPerPacket = (int)maxSamples;
    }

    /// <summary>The library the streamer belongs to.</summary>
    public UhdLibrary Library { get; }

    /// <summary>The arguments it was made with.</summary>
    public UhdStreamArgs StreamArgs { get; }

    /// <summary>Samples in one packet from the device (<c>uhd_rx_streamer_max_num_samps</c>); receive buffers are best a multiple of it.</summary>
    public int MaxSamplesPerPacket { get; }

    /// <summary>Sends a stream command to the device (<c>uhd_rx_streamer_issue_stream_cmd</c>).</summary>
    /// <exception cref="ObjectDisposedException">Disposed.</exception>
    /// <exception cref="UhdException">UHD refused.</exception>
    public void IssueStreamCommand(UhdStreamCommand command)
    {
        var native = new UhdStreamCommandNative
        {
            Mode = (int)command.Mode,
            SampleCount = (nuint)command.SampleCount,
            StreamNow = command.StreamNow ? (byte)1 : (byte)0,
            FullSeconds = command.Time.FullSeconds,
            FractionalSeconds = command.Time.FractionalSeconds,
        };
        nint h = _handle.Enter();
        try
        {
            Check(Library.Api.RxStreamerIssueStreamCmd(h, &native), "uhd_rx_streamer_issue_stream_cmd", h);
        }
        finally
        {
            _handle.DangerousRelease();
        }
    }

    /// <summary>Starts continuous streaming now.</summary>
    public void StartContinuous() => IssueStreamCommand(UhdStreamCommand.StartContinuousNow);

    /// <summary>Stops continuous streaming now.</summary>
    public void StopContinuous() => IssueStreamCommand(UhdStreamCommand.StopContinuousNow);

    /// <summary>
    /// Receives up to <c>destination.Length</c> samples (<c>uhd_rx_streamer_recv</c>) and fills
    /// <paramref name="metadata"/>.
    /// </summary>
    /// <remarks>
    /// A timeout or an overflow is not an exception: the call returns the samples it got (often 0) and
    /// <see cref="UhdRxMetadata.ErrorCode"/> says what happened. Check it after every call.
    /// </remarks>
    /// <param name="destination">Where the samples go.</param>
    /// <param name="metadata">Metadata object from the same library, reused across calls.</param>
    /// <param name="timeoutSeconds">How long to wait for the first packet.</param>
    /// <param name="onePacket">Return after one packet instead of filling <paramref name="destination"/>.</param>
    /// <returns>Samples written to the start of <paramref name="destination"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="metadata"/> belongs to another library.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timeoutSeconds"/> is negative.</exception>
    /// <exception cref="ObjectDisposedException">The streamer or the metadata was disposed.</exception>
    /// <exception cref="UhdException">The call itself failed (the device is gone, for instance).</exception>
    public int Receive(Span<Complex32> destination, UhdRxMetadata metadata, double timeoutSeconds, bool onePacket = false)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentOutOfRangeException.ThrowIfNegative(timeoutSeconds);
        if (!ReferenceEquals(metadata.Library, Library))
        {
            throw new ArgumentException("The metadata was made by another UHD library instance.", nameof(metadata));
        }

        nuint received = 0;
        int code;
        nint h = _handle.Enter();
        nint md = metadata.Handle.Enter();
        try
        {
            fixed (Complex32* samples = destination)
            {
                void* buffer = samples;
                code = Library.Api.RxStreamerRecv(h, &buffer, (nuint)destination.Length, &md, timeoutSeconds, onePacket ? (byte)1 : (byte)0, &received);
            }

            Check(code, "uhd_rx_streamer_recv", h);
        }
        finally
        {
            metadata.Handle.DangerousRelease();
            _handle.DangerousRelease();
        }

        return (int)received;
    }

    /// <summary>Frees the streamer (<c>uhd_rx_streamer_free</c>) and its hold on the device; safe to call more than once.</summary>
    public void Dispose() => _handle.Dispose();

    private void Check(int code, string operation, nint h)
    {
        if (code != 0)
        {
            byte* buffer = stackalloc byte[NativeText.BufferBytes];
            buffer[0] = 0;
            buffer[NativeText.BufferBytes - 1] = 0;
            _ = Library.Api.RxStreamerLastError(h, buffer, NativeText.GetterLength);
            ThrowHelper.Throw(code, operation, NativeText.FromBuffer(buffer));
        }
    }
}
