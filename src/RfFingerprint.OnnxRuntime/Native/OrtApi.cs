using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

namespace RfFingerprint.OnnxRuntime.Native;

/// <summary>
/// The members of ONNX Runtime's <c>OrtApi</c> function table this binding uses, read once by index.
/// The table is append-only across versions, so an index never changes meaning (see docs/ONNXRUNTIME_C_API.md).
/// Opaque ORT objects travel as <see cref="nint"/>; functions returning <c>OrtStatus*</c> return <see cref="nint"/> (0 = success).
/// </summary>
[SuppressMessage("Design", "CA1051:Do not declare visible instance fields", Justification = "Function pointers are read-only fields on purpose: one indirect call, no delegate.")]
internal sealed unsafe class OrtApi
{
    /// <summary>API version whose header the indices below were taken from (ONNX Runtime 1.24).</summary>
    public const uint HeaderApiVersion = 24;

    /// <summary>
    /// Oldest API version holding every member used here: all indices are below 204, the first member the header
    /// marks as added in 1.11, so runtimes from 1.11 on can be used through a path override.
    /// </summary>
    public const uint MinimumApiVersion = 11;

    public readonly delegate* unmanaged[Cdecl]<nint, int> GetErrorCode;
    public readonly delegate* unmanaged[Cdecl]<nint, byte*> GetErrorMessage;
    public readonly delegate* unmanaged[Cdecl]<int, byte*, nint*, nint> CreateEnv;
    public readonly delegate* unmanaged[Cdecl]<nint, void*, nint, nint*, nint> CreateSession;
    public readonly delegate* unmanaged[Cdecl]<nint, void*, nuint, nint, nint*, nint> CreateSessionFromArray;
    public readonly delegate* unmanaged[Cdecl]<nint, nint, byte**, nint*, nuint, byte**, nuint, nint*, nint> Run;
    public readonly delegate* unmanaged[Cdecl]<nint*, nint> CreateSessionOptions;
    public readonly delegate* unmanaged[Cdecl]<nint, int, nint> SetSessionLogSeverityLevel;
    public readonly delegate* unmanaged[Cdecl]<nint, int, nint> SetSessionGraphOptimizationLevel;
    public readonly delegate* unmanaged[Cdecl]<nint, int, nint> SetIntraOpNumThreads;
    public readonly delegate* unmanaged[Cdecl]<nint, int, nint> SetInterOpNumThreads;
    public readonly delegate* unmanaged[Cdecl]<nint, nuint*, nint> SessionGetInputCount;
    public readonly delegate* unmanaged[Cdecl]<nint, nuint*, nint> SessionGetOutputCount;
    public readonly delegate* unmanaged[Cdecl]<nint, nuint, nint*, nint> SessionGetInputTypeInfo;
    public readonly delegate* unmanaged[Cdecl]<nint, nuint, nint*, nint> SessionGetOutputTypeInfo;
    public readonly delegate* unmanaged[Cdecl]<nint, nuint, nint, byte**, nint> SessionGetInputName;
    public readonly delegate* unmanaged[Cdecl]<nint, nuint, nint, byte**, nint> SessionGetOutputName;
    public readonly delegate* unmanaged[Cdecl]<nint, void*, nuint, long*, nuint, int, nint*, nint> CreateTensorWithDataAsOrtValue;
    public readonly delegate* unmanaged[Cdecl]<nint, void**, nint> GetTensorMutableData;
    public readonly delegate* unmanaged[Cdecl]<nint, nint*, nint> CastTypeInfoToTensorInfo;
    public readonly delegate* unmanaged[Cdecl]<nint, int*, nint> GetOnnxTypeFromTypeInfo;
    public readonly delegate* unmanaged[Cdecl]<nint, int*, nint> GetTensorElementType;
    public readonly delegate* unmanaged[Cdecl]<nint, nuint*, nint> GetDimensionsCount;
    public readonly delegate* unmanaged[Cdecl]<nint, long*, nuint, nint> GetDimensions;
    public readonly delegate* unmanaged[Cdecl]<nint, byte**, nuint, nint> GetSymbolicDimensions;
    public readonly delegate* unmanaged[Cdecl]<nint, nuint*, nint> GetTensorShapeElementCount;
    public readonly delegate* unmanaged[Cdecl]<nint, nint*, nint> GetTensorTypeAndShape;
    public readonly delegate* unmanaged[Cdecl]<nint, int*, nint> GetValueType;
    public readonly delegate* unmanaged[Cdecl]<int, int, nint*, nint> CreateCpuMemoryInfo;
    public readonly delegate* unmanaged[Cdecl]<nint, void*, nint> AllocatorFree;
    public readonly delegate* unmanaged[Cdecl]<nint*, nint> GetAllocatorWithDefaultOptions;
    public readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseEnv;
    public readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseStatus;
    public readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseMemoryInfo;
    public readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseSession;
    public readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseValue;
    public readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseTypeInfo;
    public readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseTensorTypeAndShapeInfo;
    public readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseSessionOptions;
    public readonly delegate* unmanaged[Cdecl]<nint, nint*, nint> SessionGetModelMetadata;
    public readonly delegate* unmanaged[Cdecl]<nint, nint, byte**, nint> ModelMetadataGetProducerName;
    public readonly delegate* unmanaged[Cdecl]<nint, nint, byte**, nint> ModelMetadataGetGraphName;
    public readonly delegate* unmanaged[Cdecl]<nint, nint, byte**, nint> ModelMetadataGetDomain;
    public readonly delegate* unmanaged[Cdecl]<nint, nint, byte**, nint> ModelMetadataGetDescription;
    public readonly delegate* unmanaged[Cdecl]<nint, nint, byte*, byte**, nint> ModelMetadataLookupCustomMetadataMap;
    public readonly delegate* unmanaged[Cdecl]<nint, long*, nint> ModelMetadataGetVersion;
    public readonly delegate* unmanaged[Cdecl]<nint, void> ReleaseModelMetadata;
    public readonly delegate* unmanaged[Cdecl]<nint, nint, byte***, long*, nint> ModelMetadataGetCustomMetadataMapKeys;
    public readonly delegate* unmanaged[Cdecl]<nint, nint, byte**, nint> ModelMetadataGetGraphDescription;

    /// <summary>Index 266, added in 1.17: null when the table was granted for an older API version.</summary>
    public readonly delegate* unmanaged[Cdecl]<nint, delegate* unmanaged[Cdecl]<nint, int, byte*, byte*, byte*, byte*, void>, nint, nint> SetUserLoggingFunction;

    /// <summary>Reads the members from the table returned by <c>OrtApiBase::GetApi(apiVersion)</c>.</summary>
    public OrtApi(nint table, uint apiVersion)
    {
        var t = (nint*)table;
        GetErrorCode = (delegate* unmanaged[Cdecl]<nint, int>)t[1];
        GetErrorMessage = (delegate* unmanaged[Cdecl]<nint, byte*>)t[2];
        CreateEnv = (delegate* unmanaged[Cdecl]<int, byte*, nint*, nint>)t[3];
        CreateSession = (delegate* unmanaged[Cdecl]<nint, void*, nint, nint*, nint>)t[7];
        CreateSessionFromArray = (delegate* unmanaged[Cdecl]<nint, void*, nuint, nint, nint*, nint>)t[8];
        Run = (delegate* unmanaged[Cdecl]<nint, nint, byte**, nint*, nuint, byte**, nuint, nint*, nint>)t[9];
        CreateSessionOptions = (delegate* unmanaged[Cdecl]<nint*, nint>)t[10];
        SetSessionLogSeverityLevel = (delegate* unmanaged[Cdecl]<nint, int, nint>)t[22];
        SetSessionGraphOptimizationLevel = (delegate* unmanaged[Cdecl]<nint, int, nint>)t[23];
        SetIntraOpNumThreads = (delegate* unmanaged[Cdecl]<nint, int, nint>)t[24];
        SetInterOpNumThreads = (delegate* unmanaged[Cdecl]<nint, int, nint>)t[25];
        SessionGetInputCount = (delegate* unmanaged[Cdecl]<nint, nuint*, nint>)t[30];
        SessionGetOutputCount = (delegate* unmanaged[Cdecl]<nint, nuint*, nint>)t[31];
        SessionGetInputTypeInfo = (delegate* unmanaged[Cdecl]<nint, nuint, nint*, nint>)t[33];
        SessionGetOutputTypeInfo = (delegate* unmanaged[Cdecl]<nint, nuint, nint*, nint>)t[34];
        SessionGetInputName = (delegate* unmanaged[Cdecl]<nint, nuint, nint, byte**, nint>)t[36];
        SessionGetOutputName = (delegate* unmanaged[Cdecl]<nint, nuint, nint, byte**, nint>)t[37];
        CreateTensorWithDataAsOrtValue = (delegate* unmanaged[Cdecl]<nint, void*, nuint, long*, nuint, int, nint*, nint>)t[49];
        GetTensorMutableData = (delegate* unmanaged[Cdecl]<nint, void**, nint>)t[51];
        CastTypeInfoToTensorInfo = (delegate* unmanaged[Cdecl]<nint, nint*, nint>)t[55];
        GetOnnxTypeFromTypeInfo = (delegate* unmanaged[Cdecl]<nint, int*, nint>)t[56];
        GetTensorElementType = (delegate* unmanaged[Cdecl]<nint, int*, nint>)t[60];
        GetDimensionsCount = (delegate* unmanaged[Cdecl]<nint, nuint*, nint>)t[61];
        GetDimensions = (delegate* unmanaged[Cdecl]<nint, long*, nuint, nint>)t[62];
        GetSymbolicDimensions = (delegate* unmanaged[Cdecl]<nint, byte**, nuint, nint>)t[63];
        GetTensorShapeElementCount = (delegate* unmanaged[Cdecl]<nint, nuint*, nint>)t[64];
        GetTensorTypeAndShape = (delegate* unmanaged[Cdecl]<nint, nint*, nint>)t[65];
        GetValueType = (delegate* unmanaged[Cdecl]<nint, int*, nint>)t[67];
        CreateCpuMemoryInfo = (delegate* unmanaged[Cdecl]<int, int, nint*, nint>)t[69];
        AllocatorFree = (delegate* unmanaged[Cdecl]<nint, void*, nint>)t[76];
        GetAllocatorWithDefaultOptions = (delegate* unmanaged[Cdecl]<nint*, nint>)t[78];
        ReleaseEnv = (delegate* unmanaged[Cdecl]<nint, void>)t[92];
        ReleaseStatus = (delegate* unmanaged[Cdecl]<nint, void>)t[93];
        ReleaseMemoryInfo = (delegate* unmanaged[Cdecl]<nint, void>)t[94];
        ReleaseSession = (delegate* unmanaged[Cdecl]<nint, void>)t[95];
        ReleaseValue = (delegate* unmanaged[Cdecl]<nint, void>)t[96];
        ReleaseTypeInfo = (delegate* unmanaged[Cdecl]<nint, void>)t[98];
        ReleaseTensorTypeAndShapeInfo = (delegate* unmanaged[Cdecl]<nint, void>)t[99];
        ReleaseSessionOptions = (delegate* unmanaged[Cdecl]<nint, void>)t[100];
        SessionGetModelMetadata = (delegate* unmanaged[Cdecl]<nint, nint*, nint>)t[111];
        ModelMetadataGetProducerName = (delegate* unmanaged[Cdecl]<nint, nint, byte**, nint>)t[112];
        ModelMetadataGetGraphName = (delegate* unmanaged[Cdecl]<nint, nint, byte**, nint>)t[113];
        ModelMetadataGetDomain = (delegate* unmanaged[Cdecl]<nint, nint, byte**, nint>)t[114];
        ModelMetadataGetDescription = (delegate* unmanaged[Cdecl]<nint, nint, byte**, nint>)t[115];
        ModelMetadataLookupCustomMetadataMap = (delegate* unmanaged[Cdecl]<nint, nint, byte*, byte**, nint>)t[116];
        ModelMetadataGetVersion = (delegate* unmanaged[Cdecl]<nint, long*, nint>)t[117];
        ReleaseModelMetadata = (delegate* unmanaged[Cdecl]<nint, void>)t[118];
        ModelMetadataGetCustomMetadataMapKeys = (delegate* unmanaged[Cdecl]<nint, nint, byte***, long*, nint>)t[123];
        ModelMetadataGetGraphDescription = (delegate* unmanaged[Cdecl]<nint, nint, byte**, nint>)t[158];
        if (apiVersion >= 17)
        {
            // A table granted for an older version may end before this index: reading it would run off the table.
            SetUserLoggingFunction = (delegate* unmanaged[Cdecl]<nint, delegate* unmanaged[Cdecl]<nint, int, byte*, byte*, byte*, byte*, void>, nint, nint>)t[266];
        }

        nint allocator;
        Check(GetAllocatorWithDefaultOptions(&allocator));
        DefaultAllocator = allocator;
    }

    /// <summary>ONNX Runtime's default CPU allocator; owned by the runtime and never released.</summary>
    public nint DefaultAllocator { get; }

    /// <summary>Throws <see cref="OnnxRuntimeException"/> when <paramref name="status"/> is an error; frees the status.</summary>
    public void Check(nint status)
    {
        if (status != 0)
        {
            ThrowStatus(status);
        }
    }

    /// <summary>Converts an error status to an exception (code and message), releasing the status first.</summary>
    [DoesNotReturn]
    public void ThrowStatus(nint status)
    {
        var code = (OrtErrorCode)GetErrorCode(status);
        var message = Marshal.PtrToStringUTF8((nint)GetErrorMessage(status)) ?? "ONNX Runtime reported an error without a message.";
        ReleaseStatus(status);
        throw new OnnxRuntimeException(code, message);
    }

    /// <summary>Copies a string the runtime allocated with <see cref="DefaultAllocator"/>, then frees it.</summary>
    public string TakeAllocatedString(byte* value)
    {
        if (value == null)
        {
            return string.Empty;
        }

        try
        {
            return Marshal.PtrToStringUTF8((nint)value) ?? string.Empty;
        }
        finally
        {
            Check(AllocatorFree(DefaultAllocator, value));
        }
    }
}
