namespace RfFingerprint.Uhd.Native;

/// <summary>A call into libuhd returned an error code.</summary>
/// <remarks>
/// <see cref="Exception.Message"/> names the call, the code and UHD's own last-error text
/// (from <c>uhd_usrp_last_error</c>, <c>uhd_rx_streamer_last_error</c>, ... or <c>uhd_get_last_error</c>).
/// </remarks>
public class UhdException : Exception
{
    /// <summary>Creates an exception for a failed call.</summary>
    /// <param name="error">The code UHD returned.</param>
    /// <param name="operation">The C function or managed operation that failed.</param>
    /// <param name="nativeMessage">UHD's last-error text for the failing handle or call.</param>
    public UhdException(UhdError error, string operation, string nativeMessage)
        : base($"{operation} failed with UHD error {error} ({(int)error}): {OneLine(nativeMessage)}")
    {
        Error = error;
        Operation = operation;
        NativeMessage = nativeMessage;
    }

    /// <summary>Creates an exception with a message of its own (no native call involved).</summary>
    public UhdException(UhdError error, string message, Exception? innerException)
        : base(message, innerException)
    {
        Error = error;
        Operation = string.Empty;
        NativeMessage = string.Empty;
    }

    /// <summary>The <c>uhd_error</c> code.</summary>
    public UhdError Error { get; }

    /// <summary>The call that failed.</summary>
    public string Operation { get; }

    /// <summary>UHD's last-error text, verbatim (often several lines).</summary>
    public string NativeMessage { get; }

    /// <summary>UHD's messages list device arguments on separate lines; a log line reads better with them joined.</summary>
    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
