namespace RfFingerprint.Uhd.Native;

/// <summary>A <c>uhd_usrp_handle</c>, freed by <c>uhd_usrp_free</c>.</summary>
internal sealed unsafe class UsrpSafeHandle(UhdLibrary library) : UhdSafeHandle(library)
{
    protected override int Free(nint* native) => Library.Api.UsrpFree(native);
}
