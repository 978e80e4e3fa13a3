namespace RfFingerprint.OnnxRuntime;

/// <summary>Element type of a tensor (<c>ONNXTensorElementDataType</c>).</summary>
public enum TensorElementType
{
    /// <summary>Not a tensor, or the type is not declared.</summary>
    Undefined = 0,
    /// <summary>32-bit IEEE float.</summary>
    Float32 = 1,
    /// <summary>Unsigned 8-bit integer.</summary>
    UInt8 = 2,
    /// <summary>Signed 8-bit integer.</summary>
    Int8 = 3,
    /// <summary>Unsigned 16-bit integer.</summary>
    UInt16 = 4,
    /// <summary>Signed 16-bit integer.</summary>
    Int16 = 5,
    /// <summary>Signed 32-bit integer.</summary>
    Int32 = 6,
    /// <summary>Signed 64-bit integer.</summary>
    Int64 = 7,
    /// <summary>UTF-8 string.</summary>
    Utf8String = 8,
    /// <summary>Boolean.</summary>
    Boolean = 9,
    /// <summary>16-bit IEEE float.</summary>
    Float16 = 10,
    /// <summary>64-bit IEEE float.</summary>
    Float64 = 11,
    /// <summary>Unsigned 32-bit integer.</summary>
    UInt32 = 12,
    /// <summary>Unsigned 64-bit integer.</summary>
    UInt64 = 13,
    /// <summary>Complex of two 32-bit floats.</summary>
    Complex64 = 14,
    /// <summary>Complex of two 64-bit floats.</summary>
    Complex128 = 15,
    /// <summary>bfloat16.</summary>
    BFloat16 = 16,
    /// <summary>8-bit float E4M3FN.</summary>
    Float8E4M3FN = 17,
    /// <summary>8-bit float E4M3FNUZ.</summary>
    Float8E4M3FNUZ = 18,
    /// <summary>8-bit float E5M2.</summary>
    Float8E5M2 = 19,
    /// <summary>8-bit float E5M2FNUZ.</summary>
    Float8E5M2FNUZ = 20,
    /// <summary>Unsigned 4-bit integer.</summary>
    UInt4 = 21,
    /// <summary>Signed 4-bit integer.</summary>
    Int4 = 22,
    /// <summary>4-bit float E2M1.</summary>
    Float4E2M1 = 23,
    /// <summary>Unsigned 2-bit integer.</summary>
    UInt2 = 24,
    /// <summary>Signed 2-bit integer.</summary>
    Int2 = 25,
}
