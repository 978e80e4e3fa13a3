namespace RfFingerprint.Uhd.Native;

/// <summary>A <c>uhd_string_vector_handle</c>, freed by <c>uhd_string_vector_free</c>.</summary>
internal sealed unsafe class StringVectorSafeHandle(UhdLibrary library) : UhdSafeHandle(library)
{
    protected override int Free(nint* native) => Library.Api.StringVectorFree(native);
}
