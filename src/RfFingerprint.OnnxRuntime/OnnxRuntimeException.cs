namespace RfFingerprint.OnnxRuntime;

/// <summary>
/// An error reported by ONNX Runtime through an <c>OrtStatus</c>: <see cref="Exception.Message"/> is the runtime's
/// own message and <see cref="ErrorCode"/> its error code.
/// </summary>
public sealed class OnnxRuntimeException : Exception
{
    /// <summary>Creates an exception with code <see cref="OrtErrorCode.Fail"/>.</summary>
    public OnnxRuntimeException()
        : this(OrtErrorCode.Fail, "ONNX Runtime reported an error.")
    {
    }

    /// <summary>Creates an exception with code <see cref="OrtErrorCode.Fail"/> and the given message.</summary>
    public OnnxRuntimeException(string message)
        : this(OrtErrorCode.Fail, message)
    {
    }

    /// <summary>Creates an exception with code <see cref="OrtErrorCode.Fail"/>, a message and an inner exception.</summary>
    public OnnxRuntimeException(string message, Exception innerException)
        : base(message, innerException)
    {
        ErrorCode = OrtErrorCode.Fail;
    }

    /// <summary>Creates an exception carrying ONNX Runtime's error code and message.</summary>
    public OnnxRuntimeException(OrtErrorCode errorCode, string message)
        : base(message)
    {
        ErrorCode = errorCode;
    }

    /// <summary>The error code ONNX Runtime returned.</summary>
    public OrtErrorCode ErrorCode { get; }
}
