using RfFingerprint.Uhd.Native;

namespace RfFingerprint.Uhd.Device;

/// <summary>
/// A USRP device (<c>uhd_usrp_handle</c>, a <c>multi_usrp</c> underneath): receive settings and RX streams.
/// Every failure throws <see cref="UhdException"/> carrying the <c>uhd_error</c> code and
/// <c>uhd_usrp_last_error</c>.
/// </summary>
/// <remarks>
/// Not thread-safe: configure from one thread. Disposing frees the device once every streamer made from
/// it has been disposed too (streamers hold a reference on it).
/// </remarks>
public sealed unsafe class UhdUsrp : IDisposable
{
    private readonly UsrpSafeHandle _handle;

    private UhdUsrp(UhdLibrary library, UsrpSafeHandle handle, string deviceArgs)
    {
        Library = library;
        _handle = handle;
        DeviceArgs = deviceArgs;
    }

    /// <summary>The library the device was made with.</summary>
    public UhdLibrary Library { get; }

    /// <summary>The device arguments it was made from.</summary>
    public string DeviceArgs { get; }

    internal UsrpSafeHandle Handle => _handle;

    /// <summary>
    /// Finds and opens the device that matches <paramref name="deviceArgs"/> (<c>uhd_usrp_make</c>),
    /// e.g. "addr=192.168.10.2". With an address this talks to that host only; with no address UHD
    /// broadcasts on every network to discover devices.
    /// </summary>
    /// <exception cref="UhdException">No device matched (<see cref="UhdError.Key"/>, "No devices found ...") or it could not be opened.</exception>
    public static UhdUsrp Make(UhdLibrary library, string deviceArgs)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(deviceArgs);
        var handle = new UsrpSafeHandle(library);
        byte[] args = NativeText.ToUtf8Z(deviceArgs);
        nint native = 0;
        int code;
        fixed (byte* a = args)
        {
            code = library.Api.UsrpMake(&native, a);
        }

        if (code != 0)
        {
            // A failed make leaves no handle, so only the process-wide last error has the reason.
            handle.Dispose();
            library.Check(code, "uhd_usrp_make");
        }

        handle.Adopt(native);
        return new UhdUsrp(library, handle, deviceArgs);
    }

    /// <summary>Name of the motherboard (e.g. "N210r4").</summary>
    public string GetMotherboardName(int motherboard = 0)
    {
        byte* buffer = stackalloc byte[NativeText.BufferBytes];
        buffer[0] = 0;
        buffer[NativeText.BufferBytes - 1] = 0;
        nint h = _handle.Enter();
        try
        {
            Check(Library.Api.UsrpGetMboardName(h, Index(motherboard), buffer, NativeText.GetterLength), "uhd_usrp_get_mboard_name", h);
        }
        finally
        {
            _handle.DangerousRelease();
        }

        return NativeText.FromBuffer(buffer);
    }

    /// <summary>Sets the device clock (<c>uhd_usrp_set_time_now</c>).</summary>
    public void SetTimeNow(UhdTimeSpec time, int motherboard = 0)
    {
        nint h = _handle.Enter();
        try
        {
            Check(Library.Api.UsrpSetTimeNow(h, time.FullSeconds, time.FractionalSeconds, Index(motherboard)), "uhd_usrp_set_time_now", h);
        }
        finally
        {
            _handle.DangerousRelease();
        }
    }

    /// <summary>Reads the device clock (<c>uhd_usrp_get_time_now</c>).</summary>
    public UhdTimeSpec GetTimeNow(int motherboard = 0)
    {
        long full = 0;
        double fraction = 0;
        nint h = _handle.Enter();
        try
        {
            Check(Library.Api.UsrpGetTimeNow(h, Index(motherboard), &full, &fraction), "uhd_usrp_get_time_now", h);
        }
        finally
        {
            _handle.DangerousRelease();
        }

        return new UhdTimeSpec(full, fraction);
    }

    /// <summary>Requests an RX sample rate; the device picks the nearest it supports (N210: 100 MHz / even N), read it back with <see cref="GetRxRate"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sampleRateHz"/> is not positive.</exception>
    public void SetRxRate(double sampleRateHz, int channel = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRateHz);
        nint h = _handle.Enter();
        try
        {
            Check(Library.Api.UsrpSetRxRate(h, sampleRateHz, Index(channel)), "uhd_usrp_set_rx_rate", h);
        }
        finally
        {
            _handle.DangerousRelease();
        }
    }

    /// <summary>The RX sample rate in use, in samples per second.</summary>
    public double GetRxRate(int channel = 0) => GetDouble(Library.Api.UsrpGetRxRate, channel, "uhd_usrp_get_rx_rate");

    /// <summary>Tunes the RX chain to <paramref name="frequencyHz"/> with automatic RF and DSP policies (<c>uhd_usrp_set_rx_freq</c>).</summary>
    /// <returns>What the LO and DSP actually tuned to; <see cref="GetRxFrequency"/> gives the resulting centre frequency.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="frequencyHz"/> is not positive.</exception>
    public UhdTuneResult TuneRx(double frequencyHz, int channel = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frequencyHz);
        byte empty = 0;
        var request = new UhdTuneRequestNative
        {
            TargetFrequencyHz = frequencyHz,
            RfFrequencyPolicy = UhdTuneRequestNative.PolicyAuto,
            DspFrequencyPolicy = UhdTuneRequestNative.PolicyAuto,
            Args = &empty,
        };
        var result = default(UhdTuneResultNative);
        nint h = _handle.Enter();
        try
        {
            Check(Library.Api.UsrpSetRxFreq(h, &request, Index(channel), &result), "uhd_usrp_set_rx_freq", h);
        }
        finally
        {
            _handle.DangerousRelease();
        }

        return new UhdTuneResult(
            result.ClippedRfFrequencyHz,
            result.TargetRfFrequencyHz,
            result.ActualRfFrequencyHz,
            result.TargetDspFrequencyHz,
            result.ActualDspFrequencyHz);
    }

    /// <summary>The RX centre frequency in use, in Hz.</summary>
    public double GetRxFrequency(int channel = 0) => GetDouble(Library.Api.UsrpGetRxFreq, channel, "uhd_usrp_get_rx_freq");

    /// <summary>Sets the RX gain (all stages when <paramref name="gainName"/> is empty); the device coerces it to its step.</summary>
    public void SetRxGain(double gainDb, int channel = 0, string gainName = "")
    {
        byte[] name = NativeText.ToUtf8Z(gainName);
        nint h = _handle.Enter();
        try
        {
            fixed (byte* n = name)
            {
                Check(Library.Api.UsrpSetRxGain(h, gainDb, Index(channel), n), "uhd_usrp_set_rx_gain", h);
            }
        }
        finally
        {
            _handle.DangerousRelease();
        }
    }

    /// <summary>The RX gain in use, in dB (all stages when <paramref name="gainName"/> is empty).</summary>
    public double GetRxGain(int channel = 0, string gainName = "")
    {
        byte[] name = NativeText.ToUtf8Z(gainName);
        double value = 0;
        nint h = _handle.Enter();
        try
        {
            fixed (byte* n = name)
            {
                Check(Library.Api.UsrpGetRxGain(h, Index(channel), n, &value), "uhd_usrp_get_rx_gain", h);
            }
        }
        finally
        {
            _handle.DangerousRelease();
        }

        return value;
    }

    /// <summary>The RX gain range in dB (all stages when <paramref name="gainName"/> is empty).</summary>
    public UhdRange GetRxGainRange(int channel = 0, string gainName = "")
    {
        byte[] name = NativeText.ToUtf8Z(gainName);
        using var range = UhdHandleFactory.Make(new MetaRangeSafeHandle(Library), Library.Api.MetaRangeMake, "uhd_meta_range_make");
        nint r = range.Enter();
        nint h = _handle.Enter();
        try
        {
            fixed (byte* n = name)
            {
                Check(Library.Api.UsrpGetRxGainRange(h, n, Index(channel), r), "uhd_usrp_get_rx_gain_range", h);
            }

            double start = 0, stop = 0, step = 0;
            Library.Check(Library.Api.MetaRangeStart(r, &start), "uhd_meta_range_start");
            Library.Check(Library.Api.MetaRangeStop(r, &stop), "uhd_meta_range_stop");
            Library.Check(Library.Api.MetaRangeStep(r, &step), "uhd_meta_range_step");
            return new UhdRange(start, stop, step);
        }
        finally
        {
            _handle.DangerousRelease();
            range.DangerousRelease();
        }
    }

    /// <summary>Selects the RX antenna (N210 daughterboards: "TX/RX" or "RX2").</summary>
    public void SetRxAntenna(string antenna, int channel = 0)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(antenna);
        byte[] name = NativeText.ToUtf8Z(antenna);
        nint h = _handle.Enter();
        try
        {
            fixed (byte* n = name)
            {
                Check(Library.Api.UsrpSetRxAntenna(h, n, Index(channel)), "uhd_usrp_set_rx_antenna", h);
            }
        }
        finally
        {
            _handle.DangerousRelease();
        }
    }

    /// <summary>The RX antenna in use.</summary>
    public string GetRxAntenna(int channel = 0)
    {
        byte* buffer = stackalloc byte[NativeText.BufferBytes];
        buffer[0] = 0;
        buffer[NativeText.BufferBytes - 1] = 0;
        nint h = _handle.Enter();
        try
        {
            Check(Library.Api.UsrpGetRxAntenna(h, Index(channel), buffer, NativeText.GetterLength), "uhd_usrp_get_rx_antenna", h);
        }
        finally
        {
            _handle.DangerousRelease();
        }

        return NativeText.FromBuffer(buffer);
    }

    /// <summary>The RX antennas the channel offers.</summary>
    public IReadOnlyList<string> GetRxAntennas(int channel = 0)
    {
        using var vector = UhdHandleFactory.Make(new StringVectorSafeHandle(Library), Library.Api.StringVectorMake, "uhd_string_vector_make");
        nint v = vector.Enter();
        nint h = _handle.Enter();
        try
        {
            Check(Library.Api.UsrpGetRxAntennas(h, Index(channel), &v), "uhd_usrp_get_rx_antennas", h);
            return UhdStringVector.Read(Library, v);
        }
        finally
        {
            _handle.DangerousRelease();
            vector.DangerousRelease();
        }
    }

    /// <summary>Sets the RX analog filter bandwidth (daughterboards without a tunable filter ignore or coerce it).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bandwidthHz"/> is not positive.</exception>
    public void SetRxBandwidth(double bandwidthHz, int channel = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bandwidthHz);
        nint h = _handle.Enter();
        try
        {
            Check(Library.Api.UsrpSetRxBandwidth(h, bandwidthHz, Index(channel)), "uhd_usrp_set_rx_bandwidth", h);
        }
        finally
        {
            _handle.DangerousRelease();
        }
    }

    /// <summary>The RX analog filter bandwidth in use, in Hz.</summary>
    public double GetRxBandwidth(int channel = 0) => GetDouble(Library.Api.UsrpGetRxBandwidth, channel, "uhd_usrp_get_rx_bandwidth");

    /// <summary>
    /// Makes an RX streamer and attaches it to this device (<c>uhd_rx_streamer_make</c> then
    /// <c>uhd_usrp_get_rx_stream</c>). A <see cref="UhdRxStreamer"/> exists only once attached, because
    /// receiving on or commanding an unattached native streamer crashes the process.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="streamArgs"/> is invalid.</exception>
    /// <exception cref="UhdException">UHD refused the stream.</exception>
    public UhdRxStreamer GetRxStream(UhdStreamArgs streamArgs)
    {
        ArgumentNullException.ThrowIfNull(streamArgs);
        streamArgs.Validate();
        var streamer = new RxStreamerSafeHandle(Library, _handle);
        nint s = 0;
        int code = Library.Api.RxStreamerMake(&s);
        if (code != 0)
        {
            streamer.ReleaseUnused();
            Library.Check(code, "uhd_rx_streamer_make");
        }

        streamer.Adopt(s);
        byte[] cpu = NativeText.ToUtf8Z(UhdStreamArgs.CpuFormat);
        byte[] otw = NativeText.ToUtf8Z(streamArgs.WireFormat);
        byte[] extra = NativeText.ToUtf8Z(streamArgs.Args);
        nuint channel = Index(streamArgs.Channel);
        nint h = _handle.Enter();
        try
        {
            fixed (byte* c = cpu, o = otw, a = extra)
            {
                var native = new UhdStreamArgsNative { CpuFormat = c, OtwFormat = o, Args = a, ChannelList = &channel, ChannelCount = 1 };
                code = Library.Api.UsrpGetRxStream(h, &native, s);
            }

            if (code != 0)
            {
                streamer.Dispose();
                Check(code, "uhd_usrp_get_rx_stream", h);
            }
        }
        finally
        {
            _handle.DangerousRelease();
        }

        try
        {
            return new UhdRxStreamer(Library, streamer, streamArgs);
        }
        catch
        {
            streamer.Dispose();
            throw;
        }
    }

    /// <summary>Releases this object's hold on the device; UHD frees it once no streamer uses it (<c>uhd_usrp_free</c>).</summary>
    public void Dispose() => _handle.Dispose();

    private double GetDouble(delegate* unmanaged[Cdecl]<nint, nuint, double*, int> getter, int channel, string operation)
    {
        double value = 0;
        nint h = _handle.Enter();
        try
        {
            Check(getter(h, Index(channel), &value), operation, h);
        }
        finally
        {
            _handle.DangerousRelease();
        }

        return value;
    }

    private static nuint Index(int value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? name = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value, name);
        return (nuint)value;
    }

    private void Check(int code, string operation, nint h)
    {
        if (code != 0)
        {
            byte* buffer = stackalloc byte[NativeText.BufferBytes];
            buffer[0] = 0;
            buffer[NativeText.BufferBytes - 1] = 0;
            _ = Library.Api.UsrpLastError(h, buffer, NativeText.GetterLength);
            ThrowHelper.Throw(code, operation, NativeText.FromBuffer(buffer));
        }
    }
}
