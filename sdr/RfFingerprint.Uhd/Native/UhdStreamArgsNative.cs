using System.Runtime.InteropServices;

namespace RfFingerprint.Uhd.Native;

/// <summary><c>uhd_stream_args_t</c> from <c>uhd/usrp/usrp.h</c>: 40 bytes on x86-64.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct UhdStreamArgsNative
{
    /// <summary>Host sample format, NUL-terminated ("fc32").</summary>
    public byte* CpuFormat;

    /// <summary>Over-the-wire format, NUL-terminated ("sc16", "sc8").</summary>
    public byte* OtwFormat;

    /// <summary>Extra stream arguments, NUL-terminated ("" for none).</summary>
    public byte* Args;

    /// <summary>Array of <c>size_t</c> channel indices.</summary>
    public nuint* ChannelList;

    /// <summary>Length of <see cref="ChannelList"/> (a C <c>int</c>).</summary>
    public int ChannelCount;
}
