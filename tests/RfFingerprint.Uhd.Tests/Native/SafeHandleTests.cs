using RfFingerprint.Uhd.Device;
using RfFingerprint.Uhd.Native;
using RfFingerprint.Uhd.Tests.TestSupport;

namespace RfFingerprint.Uhd.Tests.Native;

/// <summary>Native objects made and freed through the real libuhd, each exactly once.</summary>
public sealed class SafeHandleTests
{
    [Fact]
    public void Rx_metadata_is_made_and_freed_once_even_when_disposed_twice()
    {
        var metadata = new UhdRxMetadata(RealUhd.Library);
        Assert.False(metadata.Handle.IsInvalid);

        metadata.Dispose();
        metadata.Dispose();

        Assert.True(metadata.Handle.IsClosed);
        Assert.Equal(1, metadata.Handle.ReleaseCount);
    }

    [Fact]
    public void Fresh_rx_metadata_reports_no_error_and_no_time()
    {
        using var metadata = new UhdRxMetadata(RealUhd.Library);

        Assert.Equal(UhdRxMetadataError.None, metadata.ErrorCode);
        Assert.False(metadata.HasTimeSpec);
        Assert.False(metadata.OutOfSequence);
        Assert.Equal(new UhdTimeSpec(0, 0), metadata.TimeSpec);
    }

    [Fact]
    public void Disposed_rx_metadata_refuses_to_be_read()
    {
        var metadata = new UhdRxMetadata(RealUhd.Library);
        metadata.Dispose();

        Assert.Throws<ObjectDisposedException>(() => metadata.ErrorCode);
    }

    [Fact]
    public void Metadata_error_text_comes_from_uhd()
    {
        using var metadata = new UhdRxMetadata(RealUhd.Library);

        Assert.False(string.IsNullOrEmpty(metadata.ErrorText));
    }

    [Fact]
    public unsafe void String_vector_and_meta_range_handles_are_freed_once()
    {
        var library = RealUhd.Library;
        var vector = UhdHandleFactory.Make(new StringVectorSafeHandle(library), library.Api.StringVectorMake, "uhd_string_vector_make");
        var range = UhdHandleFactory.Make(new MetaRangeSafeHandle(library), library.Api.MetaRangeMake, "uhd_meta_range_make");

        Assert.Empty(UhdStringVector.Read(library, vector.DangerousGetHandle()));
        vector.Dispose();
        vector.Dispose();
        range.Dispose();
        range.Dispose();

        Assert.Equal(1, vector.ReleaseCount);
        Assert.Equal(1, range.ReleaseCount);
    }

    [Fact]
    public unsafe void A_streamer_handle_keeps_its_device_handle_open_until_the_streamer_is_freed()
    {
        var library = RealUhd.Library;

        // No device can be made in a test, so the device handle is empty; its reference count is what matters.
        var device = new UsrpSafeHandle(library);
        var streamer = new RxStreamerSafeHandle(library, device);
        nint native = 0;
        Assert.Equal(0, library.Api.RxStreamerMake(&native));
        streamer.Adopt(native);

        device.Dispose();
        Assert.False(device.IsClosed);

        streamer.Dispose();
        streamer.Dispose();
        Assert.True(device.IsClosed);
        Assert.Equal(1, streamer.ReleaseCount);
    }

    [Fact]
    public void A_streamer_handle_that_never_got_a_native_streamer_lets_the_device_go()
    {
        var device = new UsrpSafeHandle(RealUhd.Library);
        var streamer = new RxStreamerSafeHandle(RealUhd.Library, device);

        streamer.ReleaseUnused();
        device.Dispose();

        Assert.True(device.IsClosed);
        Assert.Equal(0, streamer.ReleaseCount);
    }
}
