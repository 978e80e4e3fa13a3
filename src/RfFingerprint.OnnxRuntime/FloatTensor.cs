namespace RfFingerprint.OnnxRuntime;

/// <summary>
/// A float tensor returned by <see cref="InferenceSession"/>: row-major <see cref="Data"/> and its <see cref="Shape"/>.
/// The arrays belong to the caller (copied out of ONNX Runtime's memory). Deconstructs as <c>var (data, shape) = ...</c>.
/// </summary>
/// <param name="Data">Elements in row-major order; length = product of <paramref name="Shape"/>.</param>
/// <param name="Shape">Dimensions, for example <c>[N, classes]</c>.</param>
// Arrays rather than read-only collections on purpose: the caller owns the freshly copied buffers and
// hands them on (spans, TensorPrimitives) without another copy.
#pragma warning disable CA1819 // Properties should not return arrays
public sealed record FloatTensor(float[] Data, long[] Shape)
#pragma warning restore CA1819
{
    /// <summary>Row <paramref name="index"/> along the first (batch) dimension: <c>Data[index*rowLength .. (index+1)*rowLength)</c>.</summary>
    /// <exception cref="InvalidOperationException">The tensor is a scalar (rank 0).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside [0, Shape[0]).</exception>
    public ReadOnlySpan<float> Row(int index)
    {
        if (Shape.Length == 0)
        {
            throw new InvalidOperationException("A scalar tensor has no rows.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Shape[0]);
        var rowLength = Shape[0] == 0 ? 0 : Data.Length / (int)Shape[0];
        return Data.AsSpan(index * rowLength, rowLength);
    }
}
