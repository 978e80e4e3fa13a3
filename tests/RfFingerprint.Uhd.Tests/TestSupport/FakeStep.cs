using RfFingerprint.Uhd.Device;
using RfFingerprint.Uhd.Native;

namespace RfFingerprint.Uhd.Tests.TestSupport;

/// <summary>
/// One thing the fake radio does on a receive call: deliver <see cref="Count"/> samples that the device
/// took at sample clock <see cref="DeviceIndex"/> onward, report an error code, or fail.
/// </summary>
public sealed record FakeStep(int Count, long DeviceIndex, UhdRxMetadataError Error = UhdRxMetadataError.None, UhdException? Failure = null)
{
    public static FakeStep Samples(long deviceIndex, int count) => new(count, deviceIndex);

    public static FakeStep Overflow() => new(0, 0, UhdRxMetadataError.Overflow);

    public static FakeStep Timeout() => new(0, 0, UhdRxMetadataError.Timeout);

    public static FakeStep Fail(string message) => new(0, 0, Failure: new UhdException(UhdError.IO, "uhd_rx_streamer_recv", message));
}
