namespace RfFingerprint.Uhd.Native;

/// <summary>A <c>uhd_rx_metadata_handle</c>, freed by <c>uhd_rx_metadata_free</c>.</summary>
internal sealed unsafe class RxMetadataSafeHandle(UhdLibrary library) : UhdSafeHandle(library)
{
    protected override int Free(nint* native) => Library.Api.RxMetadataFree(native);
}
