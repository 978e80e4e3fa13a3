namespace RfFingerprint.OnnxRuntime;

/// <summary>ONNX Runtime's <c>OrtErrorCode</c>, carried by <see cref="OnnxRuntimeException"/>.</summary>
public enum OrtErrorCode
{
    /// <summary>No error (never carried by an exception).</summary>
    Ok = 0,
    /// <summary>Unspecified failure.</summary>
    Fail = 1,
    /// <summary>An argument was invalid: unknown input or output name, wrong tensor shape or type.</summary>
    InvalidArgument = 2,
    /// <summary>The model file does not exist.</summary>
    NoSuchFile = 3,
    /// <summary>No model was loaded.</summary>
    NoModel = 4,
    /// <summary>An execution engine error.</summary>
    EngineError = 5,
    /// <summary>An exception was raised inside the runtime.</summary>
    RuntimeException = 6,
    /// <summary>The model bytes are not a valid ONNX protobuf (truncated or corrupt file).</summary>
    InvalidProtobuf = 7,
    /// <summary>The model is already loaded.</summary>
    ModelLoaded = 8,
    /// <summary>The runtime does not implement the requested feature.</summary>
    NotImplemented = 9,
    /// <summary>The model graph is invalid.</summary>
    InvalidGraph = 10,
    /// <summary>An execution provider failed.</summary>
    ExecutionProviderFail = 11,
    /// <summary>Model loading was cancelled.</summary>
    ModelLoadCanceled = 12,
    /// <summary>The model must be compiled before it can run.</summary>
    ModelRequiresCompilation = 13,
    /// <summary>A requested item was not found.</summary>
    NotFound = 14,
}
