namespace RfFingerprint.Uhd.Device;

/// <summary>Sample formats on the wire between a USRP and the host (the host side is always fc32).</summary>
public static class UhdWireFormat
{
    /// <summary>16-bit I and Q (N210: up to 25 MS/s over Gigabit Ethernet).</summary>
    public const string Sc16 = "sc16";

    /// <summary>8-bit I and Q (N210: up to 50 MS/s).</summary>
    public const string Sc8 = "sc8";

    /// <summary>Whether <paramref name="format"/> is one this binding streams.</summary>
    public static bool IsSupported(string? format) => format is Sc16 or Sc8;
}
