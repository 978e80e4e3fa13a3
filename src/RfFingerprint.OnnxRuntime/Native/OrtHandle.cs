using System.Runtime.InteropServices;

namespace RfFingerprint.OnnxRuntime.Native;

/// <summary>
/// Owns one ONNX Runtime object and releases it with the matching <c>Release*</c> function exactly once,
/// even when the owner is never disposed. Reference counting by <see cref="SafeHandle"/> keeps the object alive
/// while a call that added a reference (for example a concurrent <c>Run</c>) is still using it.
/// </summary>
internal sealed unsafe class OrtHandle : SafeHandle
{
    private readonly delegate* unmanaged[Cdecl]<nint, void> _release;
    private readonly SafeHandle? _dependency;
    private GCHandle _callbackState;

    /// <summary>Takes ownership of <paramref name="handle"/>.</summary>
    /// <param name="handle">The ORT object.</param>
    /// <param name="release">Its <c>Release*</c> function.</param>
    /// <param name="dependency">
    /// An object that must outlive this one (a session's environment): it gains a reference now and loses it only
    /// after this object has been released, even when that release is delayed by a call still in flight.
    /// </param>
    /// <param name="callbackState">
    /// A handle keeping a managed object reachable from a native callback the object uses (a session's logger); freed
    /// after the object is released, when no callback can come any more.
    /// </param>
    public OrtHandle(
        nint handle, delegate* unmanaged[Cdecl]<nint, void> release, SafeHandle? dependency = null, GCHandle callbackState = default)
        : base(0, ownsHandle: true)
    {
        _release = release;
        _callbackState = callbackState;
        if (dependency is not null)
        {
            var added = false;
            dependency.DangerousAddRef(ref added);
            _dependency = dependency;
        }

        SetHandle(handle);
    }

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        _release(handle);
        if (_callbackState.IsAllocated)
        {
            _callbackState.Free();
        }

        _dependency?.DangerousRelease();
        return true;
    }
}
