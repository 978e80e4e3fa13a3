using RfFingerprint.Uhd.Native;

namespace RfFingerprint.Uhd.Device;

/// <summary>
/// Receive metadata (<c>uhd_rx_metadata_handle</c>): filled by each <see cref="UhdRxStreamer.Receive"/> call
/// and read through the properties. Create one per receive loop and reuse it.
/// </summary>
public sealed unsafe class UhdRxMetadata : IDisposable
{
    /// <summary>Makes the native metadata object (<c>uhd_rx_metadata_make</c>).</summary>
    /// <exception cref="UhdException">UHD refused.</exception>
    public UhdRxMetadata(UhdLibrary library)
    {
        ArgumentNullException.ThrowIfNull(library);
        Library = library;
        Handle = UhdHandleFactory.Make(new RxMetadataSafeHandle(library), library.Api.RxMetadataMake, "uhd_rx_metadata_make");
    }

    /// <summary>The library the metadata belongs to.</summary>
    public UhdLibrary Library { get; }

    internal RxMetadataSafeHandle Handle { get; }

    /// <summary>The error code of the last receive (<c>uhd_rx_metadata_error_code</c>).</summary>
    /// <exception cref="ObjectDisposedException">Disposed.</exception>
    /// <exception cref="UhdException">UHD refused.</exception>
    public UhdRxMetadataError ErrorCode
    {
        get
        {
            int code = 0;
            nint h = Handle.Enter();
            try
            {
                Check(Library.Api.RxMetadataErrorCode(h, &code), "uhd_rx_metadata_error_code", h);
            }
            finally
            {
                Handle.DangerousRelease();
            }

            return (UhdRxMetadataError)code;
        }
    }

    /// <summary>Whether the last receive carried the time of its first sample.</summary>
    public bool HasTimeSpec => ReadFlag(Library.Api.RxMetadataHasTimeSpec, "uhd_rx_metadata_has_time_spec");

    /// <summary>Device time of the first sample of the last receive (meaningful when <see cref="HasTimeSpec"/>).</summary>
    public UhdTimeSpec TimeSpec
    {
        get
        {
            long full = 0;
            double fraction = 0;
            nint h = Handle.Enter();
            try
            {
                Check(Library.Api.RxMetadataTimeSpec(h, &full, &fraction), "uhd_rx_metadata_time_spec", h);
            }
            finally
            {
                Handle.DangerousRelease();
            }

            return new UhdTimeSpec(full, fraction);
        }
    }

    /// <summary>The packet did not fit and more fragments follow.</summary>
    public bool MoreFragments => ReadFlag(Library.Api.RxMetadataMoreFragments, "uhd_rx_metadata_more_fragments");

    /// <summary>The first sample starts a burst.</summary>
    public bool StartOfBurst => ReadFlag(Library.Api.RxMetadataStartOfBurst, "uhd_rx_metadata_start_of_burst");

    /// <summary>The last sample ends a burst.</summary>
    public bool EndOfBurst => ReadFlag(Library.Api.RxMetadataEndOfBurst, "uhd_rx_metadata_end_of_burst");

    /// <summary>With <see cref="UhdRxMetadataError.Overflow"/>: a sequence error (packets lost on the network) rather than a host overrun.</summary>
    public bool OutOfSequence => ReadFlag(Library.Api.RxMetadataOutOfSequence, "uhd_rx_metadata_out_of_sequence");

    /// <summary>UHD's text for the last error code (<c>uhd_rx_metadata_strerror</c>).</summary>
    public string ErrorText
    {
        get
        {
            byte* buffer = stackalloc byte[NativeText.BufferBytes];
            buffer[0] = 0;
            buffer[NativeText.BufferBytes - 1] = 0;
            nint h = Handle.Enter();
            try
            {
                Check(Library.Api.RxMetadataStrError(h, buffer, NativeText.GetterLength), "uhd_rx_metadata_strerror", h);
            }
            finally
            {
                Handle.DangerousRelease();
            }

            return NativeText.FromBuffer(buffer);
        }
    }

    /// <summary>Frees the native object (<c>uhd_rx_metadata_free</c>); safe to call more than once.</summary>
    public void Dispose() => Handle.Dispose();

    private bool ReadFlag(delegate* unmanaged[Cdecl]<nint, byte*, int> getter, string operation)
    {
        byte value = 0;
        nint h = Handle.Enter();
        try
        {
            Check(getter(h, &value), operation, h);
        }
        finally
        {
            Handle.DangerousRelease();
        }

        return value != 0;
    }

    private void Check(int code, string operation, nint h)
    {
        if (code != 0)
        {
            byte* buffer = stackalloc byte[NativeText.BufferBytes];
            buffer[0] = 0;
            buffer[NativeText.BufferBytes - 1] = 0;
            _ = Library.Api.RxMetadataLastError(h, buffer, NativeText.GetterLength);
            ThrowHelper.Throw(code, operation, NativeText.FromBuffer(buffer));
        }
    }
}
