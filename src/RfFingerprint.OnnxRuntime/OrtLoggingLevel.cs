namespace RfFingerprint.OnnxRuntime;

/// <summary>Minimum severity of the messages ONNX Runtime writes to standard error (<c>OrtLoggingLevel</c>).</summary>
public enum OrtLoggingLevel
{
    /// <summary>Everything, including verbose tracing.</summary>
    Verbose = 0,
    /// <summary>Informational messages and above.</summary>
    Info = 1,
    /// <summary>Warnings and above (the default).</summary>
    Warning = 2,
    /// <summary>Errors and above.</summary>
    Error = 3,
    /// <summary>Fatal errors only.</summary>
    Fatal = 4,
}
