using System.Diagnostics.CodeAnalysis;

namespace RfFingerprint.Uhd.Native;

/// <summary>Throws kept out of the call sites so that the native wrappers stay small.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void Throw(int code, string operation, string nativeMessage) =>
        throw new UhdException((UhdError)code, operation, nativeMessage);
}
