using System.Runtime.InteropServices;
using System.Text;

namespace RfFingerprint.Uhd.Native;

/// <summary>UTF-8 strings to and from libuhd.</summary>
internal static unsafe class NativeText
{
    /// <summary>Size of the stack buffers handed to UHD's string getters; its messages are far shorter.</summary>
    public const int BufferBytes = 2048;

    /// <summary>A NUL-terminated UTF-8 copy of <paramref name="value"/>.</summary>
    public static byte[] ToUtf8Z(string value)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(value) + 1];
        Encoding.UTF8.GetBytes(value, bytes);
        return bytes;
    }

    /// <summary>
    /// Reads a string written by a UHD getter into <paramref name="buffer"/> of <see cref="BufferBytes"/> bytes.
    /// </summary>
    /// <remarks>
    /// UHD copies with <c>strncpy</c>, which leaves no terminator when the text fills the buffer, so the
    /// getter is told one byte less than the buffer holds and the last byte stays 0.
    /// </remarks>
    public static string FromBuffer(byte* buffer) =>
        Marshal.PtrToStringUTF8((nint)buffer) ?? string.Empty;

    /// <summary>The length to pass to a getter for a buffer of <see cref="BufferBytes"/> (see <see cref="FromBuffer"/>).</summary>
    public static nuint GetterLength => BufferBytes - 1;
}
