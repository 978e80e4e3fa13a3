namespace RfFingerprint.Uhd.Native;

/// <summary>Fills an empty <see cref="UhdSafeHandle"/> from a <c>uhd_*_make(handle*)</c> call.</summary>
internal static unsafe class UhdHandleFactory
{
    /// <exception cref="UhdException">The make call failed; <paramref name="handle"/> is disposed.</exception>
    public static T Make<T>(T handle, delegate* unmanaged[Cdecl]<nint*, int> make, string operation)
        where T : UhdSafeHandle
    {
        nint native = 0;
        int code = make(&native);
        if (code != 0)
        {
            handle.Dispose();
            handle.Library.Check(code, operation);
        }

        handle.Adopt(native);
        return handle;
    }
}
