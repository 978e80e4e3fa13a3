using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using MathNet.Numerics;
using RfFingerprint.Uhd.Native;

namespace RfFingerprint.Uhd.Tests.Native;

/// <summary>The managed structs must match the C structs of libuhd 4.3 on x86-64 byte for byte.</summary>
public sealed class NativeLayoutTests
{
    [Fact]
    public void Stream_args_is_40_bytes_with_the_header_field_offsets()
    {
        Assert.Equal(40, Marshal.SizeOf<UhdStreamArgsNative>());
        Assert.Equal(40, Unsafe.SizeOf<UhdStreamArgsNative>());
        Assert.Equal(0, Offset<UhdStreamArgsNative>(nameof(UhdStreamArgsNative.CpuFormat)));
        Assert.Equal(8, Offset<UhdStreamArgsNative>(nameof(UhdStreamArgsNative.OtwFormat)));
        Assert.Equal(16, Offset<UhdStreamArgsNative>(nameof(UhdStreamArgsNative.Args)));
        Assert.Equal(24, Offset<UhdStreamArgsNative>(nameof(UhdStreamArgsNative.ChannelList)));
        Assert.Equal(32, Offset<UhdStreamArgsNative>(nameof(UhdStreamArgsNative.ChannelCount)));
    }

    [Fact]
    public void Stream_command_is_40_bytes_with_a_one_byte_bool_at_16()
    {
        Assert.Equal(40, Marshal.SizeOf<UhdStreamCommandNative>());
        Assert.Equal(40, Unsafe.SizeOf<UhdStreamCommandNative>());
        Assert.Equal(0, Offset<UhdStreamCommandNative>(nameof(UhdStreamCommandNative.Mode)));
        Assert.Equal(8, Offset<UhdStreamCommandNative>(nameof(UhdStreamCommandNative.SampleCount)));
        Assert.Equal(16, Offset<UhdStreamCommandNative>(nameof(UhdStreamCommandNative.StreamNow)));
        Assert.Equal(1, Marshal.SizeOf<byte>());
        Assert.Equal(24, Offset<UhdStreamCommandNative>(nameof(UhdStreamCommandNative.FullSeconds)));
        Assert.Equal(32, Offset<UhdStreamCommandNative>(nameof(UhdStreamCommandNative.FractionalSeconds)));
    }

    [Fact]
    public void Tune_request_is_48_bytes_with_enums_padded_to_8()
    {
        Assert.Equal(48, Marshal.SizeOf<UhdTuneRequestNative>());
        Assert.Equal(48, Unsafe.SizeOf<UhdTuneRequestNative>());
        Assert.Equal(0, Offset<UhdTuneRequestNative>(nameof(UhdTuneRequestNative.TargetFrequencyHz)));
        Assert.Equal(8, Offset<UhdTuneRequestNative>(nameof(UhdTuneRequestNative.RfFrequencyPolicy)));
        Assert.Equal(16, Offset<UhdTuneRequestNative>(nameof(UhdTuneRequestNative.RfFrequencyHz)));
        Assert.Equal(24, Offset<UhdTuneRequestNative>(nameof(UhdTuneRequestNative.DspFrequencyPolicy)));
        Assert.Equal(32, Offset<UhdTuneRequestNative>(nameof(UhdTuneRequestNative.DspFrequencyHz)));
        Assert.Equal(40, Offset<UhdTuneRequestNative>(nameof(UhdTuneRequestNative.Args)));
    }

    [Fact]
    public void Tune_request_policies_are_the_header_letters()
    {
        Assert.Equal(78, UhdTuneRequestNative.PolicyNone);
        Assert.Equal(65, UhdTuneRequestNative.PolicyAuto);
        Assert.Equal(77, UhdTuneRequestNative.PolicyManual);
    }

    [Fact]
    public void Tune_result_is_five_doubles()
    {
        Assert.Equal(40, Marshal.SizeOf<UhdTuneResultNative>());
        Assert.Equal(16, Offset<UhdTuneResultNative>(nameof(UhdTuneResultNative.ActualRfFrequencyHz)));
        Assert.Equal(32, Offset<UhdTuneResultNative>(nameof(UhdTuneResultNative.ActualDspFrequencyHz)));
    }

    [Fact]
    public void Complex32_is_fc32_real_then_imaginary()
    {
        Assert.Equal(8, Unsafe.SizeOf<Complex32>());
        Span<Complex32> one = [new Complex32(1.5f, -2.5f)];
        var floats = MemoryMarshal.Cast<Complex32, float>(one);
        Assert.Equal(1.5f, floats[0]);
        Assert.Equal(-2.5f, floats[1]);
    }

    private static int Offset<T>(string field) => (int)Marshal.OffsetOf<T>(field);
}
