namespace RfFingerprint.Fingerprinting.Datasets;

/// <summary>
/// One array read from an .npy file: its shape and its elements in C order, as one of
/// <c>float[]</c>, <c>double[]</c>, <c>int[]</c>, <c>long[]</c>, <c>byte[]</c>, <c>MathNet.Numerics.Complex32[]</c> or <c>string[]</c>.
/// </summary>
/// <param name="Descriptor">The numpy type descriptor, e.g. <c>&lt;f4</c>, <c>&lt;U12</c>.</param>
/// <param name="Shape">Dimensions; empty for a 0-d array (one element).</param>
/// <param name="Data">The elements.</param>
public sealed record NpyArray(string Descriptor, IReadOnlyList<long> Shape, Array Data)
{
    /// <summary>Number of elements: the product of <see cref="Shape"/> (1 for a 0-d array).</summary>
    public long ElementCount
    {
        get
        {
            long count = 1;
            foreach (long d in Shape)
                count *= d;
            return count;
        }
    }

    /// <summary>The elements as <typeparamref name="T"/>[].</summary>
    /// <exception cref="InvalidDataException">The array holds another element type; the message names the descriptor.</exception>
    public T[] As<T>() => Data as T[]
        ?? throw new InvalidDataException($"The array has numpy type '{Descriptor}', not {typeof(T).Name}.");
}
