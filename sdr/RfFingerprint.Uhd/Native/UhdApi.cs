using System.Runtime.InteropServices;

namespace RfFingerprint.Uhd.Native;

/// <summary>
/// The libuhd 4.3 C functions this binding uses, as unmanaged function pointers resolved once from a
/// loaded library handle.
/// </summary>
/// <remarks>
/// Function pointers instead of <c>DllImport</c> so that the library is optional (nothing binds until a
/// source is created) and so that a process can hold a failed load next to a working one.
/// Signatures follow the headers: <c>uhd_error</c> is an <c>int</c>, <c>size_t</c> is <see cref="nuint"/>,
/// C <c>bool</c> is one <see cref="byte"/>, handles are pointers (<see cref="nint"/>).
/// </remarks>
internal sealed unsafe class UhdApi
{
    public readonly delegate* unmanaged[Cdecl]<byte*, nuint, int> GetLastError;
    public readonly delegate* unmanaged[Cdecl]<byte*, nuint, int> GetVersionString;

    public readonly delegate* unmanaged[Cdecl]<nint*, byte*, int> UsrpMake;
    public readonly delegate* unmanaged[Cdecl]<nint*, int> UsrpFree;
    public readonly delegate* unmanaged[Cdecl]<nint, byte*, nuint, int> UsrpLastError;
    public readonly delegate* unmanaged[Cdecl]<nint, UhdStreamArgsNative*, nint, int> UsrpGetRxStream;
    public readonly delegate* unmanaged[Cdecl]<nint, nuint, byte*, nuint, int> UsrpGetMboardName;
    public readonly delegate* unmanaged[Cdecl]<nint, long, double, nuint, int> UsrpSetTimeNow;
    public readonly delegate* unmanaged[Cdecl]<nint, nuint, long*, double*, int> UsrpGetTimeNow;
    public readonly delegate* unmanaged[Cdecl]<nint, double, nuint, int> UsrpSetRxRate;
    public readonly delegate* unmanaged[Cdecl]<nint, nuint, double*, int> UsrpGetRxRate;
    public readonly delegate* unmanaged[Cdecl]<nint, UhdTuneRequestNative*, nuint, UhdTuneResultNative*, int> UsrpSetRxFreq;
    public readonly delegate* unmanaged[Cdecl]<nint, nuint, double*, int> UsrpGetRxFreq;
    public readonly delegate* unmanaged[Cdecl]<nint, double, nuint, byte*, int> UsrpSetRxGain;
    public readonly delegate* unmanaged[Cdecl]<nint, nuint, byte*, double*, int> UsrpGetRxGain;
    public readonly delegate* unmanaged[Cdecl]<nint, byte*, nuint, nint, int> UsrpGetRxGainRange;
    public readonly delegate* unmanaged[Cdecl]<nint, byte*, nuint, int> UsrpSetRxAntenna;
    public readonly delegate* unmanaged[Cdecl]<nint, nuint, byte*, nuint, int> UsrpGetRxAntenna;
    public readonly delegate* unmanaged[Cdecl]<nint, nuint, nint*, int> UsrpGetRxAntennas;
    public readonly delegate* unmanaged[Cdecl]<nint, double, nuint, int> UsrpSetRxBandwidth;
    public readonly delegate* unmanaged[Cdecl]<nint, nuint, double*, int> UsrpGetRxBandwidth;

    public readonly delegate* unmanaged[Cdecl]<nint*, int> RxStreamerMake;
    public readonly delegate* unmanaged[Cdecl]<nint*, int> RxStreamerFree;
    public readonly delegate* unmanaged[Cdecl]<nint, nuint*, int> RxStreamerNumChannels;
    public readonly delegate* unmanaged[Cdecl]<nint, nuint*, int> RxStreamerMaxNumSamps;
    public readonly delegate* unmanaged[Cdecl]<nint, void**, nuint, nint*, double, byte, nuint*, int> RxStreamerRecv;
    public readonly delegate* unmanaged[Cdecl]<nint, UhdStreamCommandNative*, int> RxStreamerIssueStreamCmd;
    public readonly delegate* unmanaged[Cdecl]<nint, byte*, nuint, int> RxStreamerLastError;

    public readonly delegate* unmanaged[Cdecl]<nint*, int> RxMetadataMake;
    public readonly delegate* unmanaged[Cdecl]<nint*, int> RxMetadataFree;
    public readonly delegate* unmanaged[Cdecl]<nint, byte*, int> RxMetadataHasTimeSpec;
    public readonly delegate* unmanaged[Cdecl]<nint, long*, double*, int> RxMetadataTimeSpec;
    public readonly delegate* unmanaged[Cdecl]<nint, byte*, int> RxMetadataMoreFragments;
    public readonly delegate* unmanaged[Cdecl]<nint, byte*, int> RxMetadataStartOfBurst;
    public readonly delegate* unmanaged[Cdecl]<nint, byte*, int> RxMetadataEndOfBurst;
    public readonly delegate* unmanaged[Cdecl]<nint, byte*, int> RxMetadataOutOfSequence;
    public readonly delegate* unmanaged[Cdecl]<nint, int*, int> RxMetadataErrorCode;
    public readonly delegate* unmanaged[Cdecl]<nint, byte*, nuint, int> RxMetadataStrError;
    public readonly delegate* unmanaged[Cdecl]<nint, byte*, nuint, int> RxMetadataLastError;

    public readonly delegate* unmanaged[Cdecl]<nint*, int> StringVectorMake;
    public readonly delegate* unmanaged[Cdecl]<nint*, int> StringVectorFree;
    public readonly delegate* unmanaged[Cdecl]<nint, nuint, byte*, nuint, int> StringVectorAt;
    public readonly delegate* unmanaged[Cdecl]<nint, nuint*, int> StringVectorSize;
    public readonly delegate* unmanaged[Cdecl]<nint, byte*, nuint, int> StringVectorLastError;

    public readonly delegate* unmanaged[Cdecl]<nint*, int> MetaRangeMake;
    public readonly delegate* unmanaged[Cdecl]<nint*, int> MetaRangeFree;
    public readonly delegate* unmanaged[Cdecl]<nint, double*, int> MetaRangeStart;
    public readonly delegate* unmanaged[Cdecl]<nint, double*, int> MetaRangeStop;
    public readonly delegate* unmanaged[Cdecl]<nint, double*, int> MetaRangeStep;
    public readonly delegate* unmanaged[Cdecl]<nint, byte*, nuint, int> MetaRangeLastError;

    /// <summary>Resolves every export; throws <see cref="EntryPointNotFoundException"/> naming the first one missing.</summary>
    public UhdApi(nint library)
    {
        GetLastError = (delegate* unmanaged[Cdecl]<byte*, nuint, int>)Export(library, "uhd_get_last_error");
        GetVersionString = (delegate* unmanaged[Cdecl]<byte*, nuint, int>)Export(library, "uhd_get_version_string");

        UsrpMake = (delegate* unmanaged[Cdecl]<nint*, byte*, int>)Export(library, "uhd_usrp_make");
        UsrpFree = (delegate* unmanaged[Cdecl]<nint*, int>)Export(library, "uhd_usrp_free");
        UsrpLastError = (delegate* unmanaged[Cdecl]<nint, byte*, nuint, int>)Export(library, "uhd_usrp_last_error");
        UsrpGetRxStream = (delegate* unmanaged[Cdecl]<nint, UhdStreamArgsNative*, nint, int>)Export(library, "uhd_usrp_get_rx_stream");
        UsrpGetMboardName = (delegate* unmanaged[Cdecl]<nint, nuint, byte*, nuint, int>)Export(library, "uhd_usrp_get_mboard_name");
        UsrpSetTimeNow = (delegate* unmanaged[Cdecl]<nint, long, double, nuint, int>)Export(library, "uhd_usrp_set_time_now");
        UsrpGetTimeNow = (delegate* unmanaged[Cdecl]<nint, nuint, long*, double*, int>)Export(library, "uhd_usrp_get_time_now");
        UsrpSetRxRate = (delegate* unmanaged[Cdecl]<nint, double, nuint, int>)Export(library, "uhd_usrp_set_rx_rate");
        UsrpGetRxRate = (delegate* unmanaged[Cdecl]<nint, nuint, double*, int>)Export(library, "uhd_usrp_get_rx_rate");
        UsrpSetRxFreq = (delegate* unmanaged[Cdecl]<nint, UhdTuneRequestNative*, nuint, UhdTuneResultNative*, int>)Export(library, "uhd_usrp_set_rx_freq");
        UsrpGetRxFreq = (delegate* unmanaged[Cdecl]<nint, nuint, double*, int>)Export(library, "uhd_usrp_get_rx_freq");
        UsrpSetRxGain = (delegate* unmanaged[Cdecl]<nint, double, nuint, byte*, int>)Export(library, "uhd_usrp_set_rx_gain");
        UsrpGetRxGain = (delegate* unmanaged[Cdecl]<nint, nuint, byte*, double*, int>)Export(library, "uhd_usrp_get_rx_gain");
        UsrpGetRxGainRange = (delegate* unmanaged[Cdecl]<nint, byte*, nuint, nint, int>)Export(library, "uhd_usrp_get_rx_gain_range");
        UsrpSetRxAntenna = (delegate* unmanaged[Cdecl]<nint, byte*, nuint, int>)Export(library, "uhd_usrp_set_rx_antenna");
        UsrpGetRxAntenna = (delegate* unmanaged[Cdecl]<nint, nuint, byte*, nuint, int>)Export(library, "uhd_usrp_get_rx_antenna");
        UsrpGetRxAntennas = (delegate* unmanaged[Cdecl]<nint, nuint, nint*, int>)Export(library, "uhd_usrp_get_rx_antennas");
        UsrpSetRxBandwidth = (delegate* unmanaged[Cdecl]<nint, double, nuint, int>)Export(library, "uhd_usrp_set_rx_bandwidth");
        UsrpGetRxBandwidth = (delegate* unmanaged[Cdecl]<nint, nuint, double*, int>)Export(library, "uhd_usrp_get_rx_bandwidth");

        RxStreamerMake = (delegate* unmanaged[Cdecl]<nint*, int>)Export(library, "uhd_rx_streamer_make");
        RxStreamerFree = (delegate* unmanaged[Cdecl]<nint*, int>)Export(library, "uhd_rx_streamer_free");
        RxStreamerNumChannels = (delegate* unmanaged[Cdecl]<nint, nuint*, int>)Export(library, "uhd_rx_streamer_num_channels");
        RxStreamerMaxNumSamps = (delegate* unmanaged[Cdecl]<nint, nuint*, int>)Export(library, "uhd_rx_streamer_max_num_samps");
        RxStreamerRecv = (delegate* unmanaged[Cdecl]<nint, void**, nuint, nint*, double, byte, nuint*, int>)Export(library, "uhd_rx_streamer_recv");
        RxStreamerIssueStreamCmd = (delegate* unmanaged[Cdecl]<nint, UhdStreamCommandNative*, int>)Export(library, "uhd_rx_streamer_issue_stream_cmd");
        RxStreamerLastError = (delegate* unmanaged[Cdecl]<nint, byte*, nuint, int>)Export(library, "uhd_rx_streamer_last_error");

        RxMetadataMake = (delegate* unmanaged[Cdecl]<nint*, int>)Export(library, "uhd_rx_metadata_make");
        RxMetadataFree = (delegate* unmanaged[Cdecl]<nint*, int>)Export(library, "uhd_rx_metadata_free");
        RxMetadataHasTimeSpec = (delegate* unmanaged[Cdecl]<nint, byte*, int>)Export(library, "uhd_rx_metadata_has_time_spec");
        RxMetadataTimeSpec = (delegate* unmanaged[Cdecl]<nint, long*, double*, int>)Export(library, "uhd_rx_metadata_time_spec");
        RxMetadataMoreFragments = (delegate* unmanaged[Cdecl]<nint, byte*, int>)Export(library, "uhd_rx_metadata_more_fragments");
        RxMetadataStartOfBurst = (delegate* unmanaged[Cdecl]<nint, byte*, int>)Export(library, "uhd_rx_metadata_start_of_burst");
        RxMetadataEndOfBurst = (delegate* unmanaged[Cdecl]<nint, byte*, int>)Export(library, "uhd_rx_metadata_end_of_burst");
        RxMetadataOutOfSequence = (delegate* unmanaged[Cdecl]<nint, byte*, int>)Export(library, "uhd_rx_metadata_out_of_sequence");
        RxMetadataErrorCode = (delegate* unmanaged[Cdecl]<nint, int*, int>)Export(library, "uhd_rx_metadata_error_code");
        RxMetadataStrError = (delegate* unmanaged[Cdecl]<nint, byte*, nuint, int>)Export(library, "uhd_rx_metadata_strerror");
        RxMetadataLastError = (delegate* unmanaged[Cdecl]<nint, byte*, nuint, int>)Export(library, "uhd_rx_metadata_last_error");

        StringVectorMake = (delegate* unmanaged[Cdecl]<nint*, int>)Export(library, "uhd_string_vector_make");
        StringVectorFree = (delegate* unmanaged[Cdecl]<nint*, int>)Export(library, "uhd_string_vector_free");
        StringVectorAt = (delegate* unmanaged[Cdecl]<nint, nuint, byte*, nuint, int>)Export(library, "uhd_string_vector_at");
        StringVectorSize = (delegate* unmanaged[Cdecl]<nint, nuint*, int>)Export(library, "uhd_string_vector_size");
        StringVectorLastError = (delegate* unmanaged[Cdecl]<nint, byte*, nuint, int>)Export(library, "uhd_string_vector_last_error");

        MetaRangeMake = (delegate* unmanaged[Cdecl]<nint*, int>)Export(library, "uhd_meta_range_make");
        MetaRangeFree = (delegate* unmanaged[Cdecl]<nint*, int>)Export(library, "uhd_meta_range_free");
        MetaRangeStart = (delegate* unmanaged[Cdecl]<nint, double*, int>)Export(library, "uhd_meta_range_start");
        MetaRangeStop = (delegate* unmanaged[Cdecl]<nint, double*, int>)Export(library, "uhd_meta_range_stop");
        MetaRangeStep = (delegate* unmanaged[Cdecl]<nint, double*, int>)Export(library, "uhd_meta_range_step");
        MetaRangeLastError = (delegate* unmanaged[Cdecl]<nint, byte*, nuint, int>)Export(library, "uhd_meta_range_last_error");
    }

    private static nint Export(nint library, string name) => NativeLibrary.GetExport(library, name);
}
