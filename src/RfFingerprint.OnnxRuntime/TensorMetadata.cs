namespace RfFingerprint.OnnxRuntime;

/// <summary>Declared name, kind, element type and shape of one model input or output.</summary>
/// <param name="Name">The name to pass to <see cref="InferenceSession.Run(string, ReadOnlySpan{float}, ReadOnlySpan{long}, string)"/>.</param>
/// <param name="Kind">Tensor, sequence, map, ...; only tensors carry an element type and shape.</param>
/// <param name="ElementType">Element type; <see cref="TensorElementType.Undefined"/> when <paramref name="Kind"/> is not a tensor.</param>
/// <param name="Shape">Declared dimensions, -1 for a dynamic (symbolic or unknown) one such as the batch dimension.</param>
/// <param name="SymbolicDimensions">Per dimension, its symbolic name (for example <c>"N"</c>), or <c>""</c> for a fixed one.</param>
public sealed record TensorMetadata(
    string Name,
    OnnxValueKind Kind,
    TensorElementType ElementType,
    IReadOnlyList<long> Shape,
    IReadOnlyList<string> SymbolicDimensions)
{
    /// <summary>True when every dimension is fixed (no -1 in <see cref="Shape"/>).</summary>
    public bool IsFullyDefined => Shape.All(d => d >= 0);

    /// <inheritdoc />
    public override string ToString() =>
        $"{Name}: {ElementType}[{string.Join(",", Shape.Select((d, i) => d >= 0 ? d.ToString(System.Globalization.CultureInfo.InvariantCulture) : SymbolicDimensions.Count > i && SymbolicDimensions[i].Length > 0 ? SymbolicDimensions[i] : "?"))}]";
}
