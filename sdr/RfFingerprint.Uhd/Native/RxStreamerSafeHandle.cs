namespace RfFingerprint.Uhd.Native;

/// <summary>
/// A <c>uhd_rx_streamer_handle</c>, freed by <c>uhd_rx_streamer_free</c>. It holds a reference on the
/// USRP handle it streams from, so the device is freed only after every streamer made from it.
/// </summary>
internal sealed unsafe class RxStreamerSafeHandle : UhdSafeHandle
{
    private readonly UsrpSafeHandle _usrp;

    /// <summary>Creates an empty handle and takes a reference on <paramref name="usrp"/> until released.</summary>
    /// <exception cref="ObjectDisposedException"><paramref name="usrp"/> is already disposed.</exception>
    public RxStreamerSafeHandle(UhdLibrary library, UsrpSafeHandle usrp)
        : base(library)
    {
        bool added = false;
        usrp.DangerousAddRef(ref added);
        _usrp = usrp;
    }

    protected override int Free(nint* native) => Library.Api.RxStreamerFree(native);

    protected override void OnReleased() => _usrp.DangerousRelease();

    /// <summary>Drops the USRP reference of a handle that never got a native streamer.</summary>
    public void ReleaseUnused()
    {
        if (IsInvalid)
        {
            SetHandleAsInvalid();
            _usrp.DangerousRelease();
        }
    }
}
