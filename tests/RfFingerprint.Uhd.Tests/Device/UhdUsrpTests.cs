using System.Reflection;
using RfFingerprint.Uhd.Device;
using RfFingerprint.Uhd.Native;
using RfFingerprint.Uhd.Tests.TestSupport;

namespace RfFingerprint.Uhd.Tests.Device;

public sealed class UhdUsrpTests
{
    [Fact]
    public void Making_an_unreachable_device_throws_UhdException_with_code_11_and_UHDs_message()
    {
        var e = Assert.Throws<UhdException>(() => UhdUsrp.Make(RealUhd.Library, RealUhd.UnreachableDeviceArgs));

        Assert.Equal(UhdError.Key, e.Error);
        Assert.Equal("uhd_usrp_make", e.Operation);
        Assert.Contains("No devices found", e.NativeMessage, StringComparison.Ordinal);
        Assert.Contains("No devices found", e.Message, StringComparison.Ordinal);
        Assert.Contains("(11)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void After_a_failed_make_the_process_wide_last_error_names_the_failure()
    {
        var library = RealUhd.Library;
        Assert.Throws<UhdException>(() => UhdUsrp.Make(library, RealUhd.UnreachableDeviceArgs));

        // Other tests may make devices in parallel, but every one of them fails the same way.
        Assert.Contains("No devices found", library.LastError(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_rx_streamer_cannot_be_constructed_except_by_attaching_it_to_a_device()
    {
        var publicConstructors = typeof(UhdRxStreamer).GetConstructors(BindingFlags.Public | BindingFlags.Instance);
        var factories = typeof(UhdRxStreamer).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.ReturnType == typeof(UhdRxStreamer));

        Assert.Empty(publicConstructors);
        Assert.Empty(factories);
        Assert.Equal(typeof(UhdRxStreamer), typeof(UhdUsrp).GetMethod(nameof(UhdUsrp.GetRxStream))!.ReturnType);
    }

    [Fact]
    public void Stream_args_reject_an_unknown_wire_format()
    {
        var args = new UhdStreamArgs { WireFormat = "fc64" };

        var e = Assert.Throws<ArgumentException>(args.Validate);

        Assert.Equal(nameof(UhdStreamArgs.WireFormat), e.ParamName);
    }
}
