using System.Runtime.InteropServices;

namespace RfFingerprint.Uhd.Native;

/// <summary>
/// Base of the handles this binding owns: a UHD C object pointer freed exactly once by its
/// <c>uhd_*_free</c> function, when disposed or finalised.
/// </summary>
internal abstract unsafe class UhdSafeHandle : SafeHandle
{
    private int _releaseCount;

    protected UhdSafeHandle(UhdLibrary library)
        : base(0, ownsHandle: true)
    {
        Library = library;
    }

    public UhdLibrary Library { get; }

    public override bool IsInvalid => handle == 0;

    /// <summary>How many times the native free function was called (0 or 1); for tests and diagnostics.</summary>
    public int ReleaseCount => Volatile.Read(ref _releaseCount);

    /// <summary>Takes ownership of a pointer returned by a <c>uhd_*_make</c> call.</summary>
    public void Adopt(nint native) => SetHandle(native);

    /// <summary>
    /// Adds a reference for the duration of a native call and returns the raw pointer.
    /// Pair with <see cref="SafeHandle.DangerousRelease"/>.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The handle was disposed.</exception>
    public nint Enter()
    {
        bool added = false;
        DangerousAddRef(ref added);
        return handle;
    }

    protected sealed override bool ReleaseHandle()
    {
        Interlocked.Increment(ref _releaseCount);
        nint native = handle;
        bool freed = Free(&native) == 0;
        OnReleased();
        return freed;
    }

    /// <summary>Calls the type's <c>uhd_*_free</c>, which takes a pointer to the handle.</summary>
    protected abstract int Free(nint* native);

    /// <summary>Runs after the native object was freed (e.g. to drop a reference on a parent handle).</summary>
    protected virtual void OnReleased()
    {
    }
}
