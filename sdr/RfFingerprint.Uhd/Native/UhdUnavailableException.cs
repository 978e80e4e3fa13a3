namespace RfFingerprint.Uhd.Native;

/// <summary>libuhd could not be loaded, so no USRP can be used in this process.</summary>
/// <remarks>Not transient: retrying does not help until the library is installed.</remarks>
public sealed class UhdUnavailableException : Exception
{
    /// <summary>Creates the exception with a message that says how to install the library.</summary>
    /// <param name="attempted">The library names or paths that were tried.</param>
    /// <param name="reason">Why the last one failed.</param>
    /// <param name="innerException">The loader's exception, if any.</param>
    public UhdUnavailableException(IReadOnlyList<string> attempted, string reason, Exception? innerException = null)
        : base(
            $"The UHD library is not available (tried {string.Join(", ", attempted)}: {reason}). "
            + $"Install the Debian package {UhdLibrary.DebianPackage} (apt-get install {UhdLibrary.DebianPackage}) "
            + $"or set {UhdLibrary.PathEnvironmentVariable} to the path of libuhd.so.",
            innerException)
    {
        Attempted = attempted;
    }

    /// <summary>The library names or paths that were tried, in order.</summary>
    public IReadOnlyList<string> Attempted { get; }
}
