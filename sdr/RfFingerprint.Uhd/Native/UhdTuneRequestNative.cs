using System.Runtime.InteropServices;

namespace RfFingerprint.Uhd.Native;

/// <summary><c>uhd_tune_request_t</c> from <c>uhd/types/tune_request.h</c>: 48 bytes on x86-64.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct UhdTuneRequestNative
{
    public double TargetFrequencyHz;

    /// <summary><c>uhd_tune_request_policy_t</c>: 'N' none, 'A' auto, 'M' manual.</summary>
    public int RfFrequencyPolicy;

    public double RfFrequencyHz;

    public int DspFrequencyPolicy;

    public double DspFrequencyHz;

    /// <summary>Comma-separated key=value pairs, NUL-terminated, or null.</summary>
    public byte* Args;

    public const int PolicyNone = 'N';
    public const int PolicyAuto = 'A';
    public const int PolicyManual = 'M';
}
