using RfFingerprint.Uhd.Native;

namespace RfFingerprint.Uhd.Tests.TestSupport;

/// <summary>The real libuhd from the Debian package, and device arguments that are safe in tests.</summary>
public static class RealUhd
{
    /// <summary>
    /// A USRP2-family device at the loopback address: UHD asks 127.0.0.1 only (no broadcast on the LAN),
    /// nothing answers, and uhd_usrp_make fails quickly with error 11 "No devices found".
    /// </summary>
    public const string UnreachableDeviceArgs = "addr=127.0.0.1,type=usrp2";

    /// <summary>Loads the installed library by its default names (ignoring the environment override).</summary>
    public static UhdLibrary Library => UhdLibrary.Load(UhdLibrary.LibraryFileName);
}
