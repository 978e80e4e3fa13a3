using RfFingerprint.Uhd.Native;

namespace RfFingerprint.Uhd.Streaming;

/// <summary>Opens <see cref="UhdRxSession"/>s from a loaded libuhd.</summary>
internal sealed class UhdRxSessionFactory(UhdLibrary library) : IRxSessionFactory
{
    public IRxSession Open(UhdOptions options) => UhdRxSession.Open(library, options);
}
