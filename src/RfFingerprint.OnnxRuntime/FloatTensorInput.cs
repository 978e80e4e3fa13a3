namespace RfFingerprint.OnnxRuntime;

/// <summary>
/// One named float input for <see cref="InferenceSession.Run(IReadOnlyList{FloatTensorInput}, IReadOnlyList{string})"/>.
/// The data is not copied: ONNX Runtime reads it in place while the run lasts (the memory is pinned for that time).
/// </summary>
/// <param name="Name">Model input name.</param>
/// <param name="Data">Row-major elements; length must equal the product of <paramref name="Shape"/>.</param>
/// <param name="Shape">Dimensions, with the actual batch size in place of a dynamic first dimension.</param>
public sealed record FloatTensorInput(string Name, ReadOnlyMemory<float> Data, IReadOnlyList<long> Shape);
