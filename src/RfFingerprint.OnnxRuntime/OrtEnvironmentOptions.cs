namespace RfFingerprint.OnnxRuntime;

/// <summary>Options for an <see cref="OrtEnvironment"/>: which native library to load and how the runtime logs.</summary>
public sealed record OrtEnvironmentOptions
{
    /// <summary>
    /// Path to the ONNX Runtime shared library (for example <c>/opt/onnxruntime/lib/libonnxruntime.so.1</c>) or to the
    /// folder holding it. When null, the environment variable <see cref="OrtEnvironment.LibraryPathVariable"/> is used,
    /// then the library copied beside the application by the build, then the operating system's library search.
    /// </summary>
    public string? LibraryPath { get; init; }

    /// <summary>Minimum severity ONNX Runtime writes to standard error; defaults to <see cref="OrtLoggingLevel.Warning"/>.</summary>
    public OrtLoggingLevel LogLevel { get; init; } = OrtLoggingLevel.Warning;

    /// <summary>Identifier ONNX Runtime puts in its log lines.</summary>
    public string LogId { get; init; } = "rffp";
}
