using RfFingerprint.Uhd.Device;
using MathNet.Numerics;

namespace RfFingerprint.Uhd.Streaming;

/// <summary>
/// An opened, configured radio that is streaming: the seam between <see cref="UhdIqSource"/>'s receive
/// loop and the device. Disposing stops streaming and releases the device.
/// </summary>
internal interface IRxSession : IDisposable
{
    /// <summary>What the device uses, read back after configuration.</summary>
    UhdDeviceSettings Settings { get; }

    /// <summary>
    /// When the device clock was set from the host's UTC clock: the device time that sample 0 of the
    /// stream stands for (the time set just before streaming started), so that receive times are UTC and
    /// sample indices count from it. Null when the device clock is not UTC.
    /// </summary>
    UhdTimeSpec? StreamOrigin { get; }

    /// <summary>Receives up to <c>destination.Length</c> samples, waiting at most <paramref name="timeoutSeconds"/> for the first packet.</summary>
    /// <exception cref="Native.UhdException">The device failed.</exception>
    RxChunk Receive(Span<Complex32> destination, double timeoutSeconds);
}
