using RfFingerprint.Uhd.Native;
using RfFingerprint.Uhd.Streaming;

namespace RfFingerprint.Uhd.Tests.TestSupport;

/// <summary>Hands out scripted sessions in order; a null entry is an open that fails like an unreachable device.</summary>
internal sealed class FakeRxSessionFactory(params FakeRxSession?[] sessions) : IRxSessionFactory
{
    private int _opens;

    public int Opens => Volatile.Read(ref _opens);

    public IRxSession Open(UhdOptions options)
    {
        int index = Interlocked.Increment(ref _opens) - 1;
        if (index >= sessions.Length || sessions[index] is not { } session)
        {
            throw new UhdException(UhdError.Key, "uhd_usrp_make", "LookupError: KeyError: No devices found for ----->\nDevice Address:\n    addr: 127.0.0.1\n");
        }

        return session;
    }
}
