using System.Runtime.InteropServices;

namespace RfFingerprint.Uhd.Native;

/// <summary><c>uhd_tune_result_t</c> from <c>uhd/types/tune_result.h</c>: five doubles, 40 bytes.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct UhdTuneResultNative
{
    public double ClippedRfFrequencyHz;
    public double TargetRfFrequencyHz;
    public double ActualRfFrequencyHz;
    public double TargetDspFrequencyHz;
    public double ActualDspFrequencyHz;
}
