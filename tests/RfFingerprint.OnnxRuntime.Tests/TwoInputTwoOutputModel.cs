using System.Text.Json;
using System.Text.Json.Serialization;

namespace RfFingerprint.OnnxRuntime.Tests;

/// <summary>The committed model with inputs a, b and outputs sum = a + 2b (float) and index = argmax(sum) (int64).</summary>
internal sealed record TwoInputTwoOutputModel(
    [property: JsonPropertyName("shape")] long[] Shape,
    [property: JsonPropertyName("a")] float[] A,
    [property: JsonPropertyName("b")] float[] B,
    [property: JsonPropertyName("sum")] float[] Sum,
    [property: JsonPropertyName("index")] long[] Index)
{
    private static readonly Lazy<TwoInputTwoOutputModel> ExpectedValue = new(() =>
        JsonSerializer.Deserialize<TwoInputTwoOutputModel>(File.ReadAllText(Path.Combine(TestModel.Folder, "tiny_two_io.expected.json")))
        ?? throw new InvalidDataException("Empty expected-output file."));

    public static string ModelPath => Path.Combine(TestModel.Folder, "tiny_two_io.onnx");

    public static TwoInputTwoOutputModel Expected => ExpectedValue.Value;
}
