namespace RfFingerprint.Uhd.Native;

/// <summary>A <c>uhd_meta_range_handle</c>, freed by <c>uhd_meta_range_free</c>.</summary>
internal sealed unsafe class MetaRangeSafeHandle(UhdLibrary library) : UhdSafeHandle(library)
{
    protected override int Free(nint* native) => Library.Api.MetaRangeFree(native);
}
