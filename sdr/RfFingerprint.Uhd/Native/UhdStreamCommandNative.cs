using System.Runtime.InteropServices;

namespace RfFingerprint.Uhd.Native;

/// <summary><c>uhd_stream_cmd_t</c> from <c>uhd/usrp/usrp.h</c>: 40 bytes on x86-64.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct UhdStreamCommandNative
{
    /// <summary><c>uhd_stream_mode_t</c>.</summary>
    public int Mode;

    /// <summary><c>size_t num_samps</c>.</summary>
    public nuint SampleCount;

    /// <summary>C <c>bool stream_now</c> (one byte).</summary>
    public byte StreamNow;

    /// <summary><c>int64_t time_spec_full_secs</c>.</summary>
    public long FullSeconds;

    /// <summary><c>double time_spec_frac_secs</c>.</summary>
    public double FractionalSeconds;
}
