using System.Text.Json;
using System.Text.Json.Serialization;

namespace RfFingerprint.OnnxRuntime.Tests;

/// <summary>The committed tiny Conv-ReLU-Gemm model and the outputs PyTorch computed for it at export time.</summary>
internal static class TestModel
{
    public const float Tolerance = 1e-5f;

    private static readonly Lazy<ExpectedOutputs> ExpectedValue = new(() =>
        JsonSerializer.Deserialize<ExpectedOutputs>(File.ReadAllText(Path.Combine(Folder, "tiny_conv_gemm.expected.json")))
        ?? throw new InvalidDataException("Empty expected-output file."));

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "testdata");

    public static string ModelPath => Path.Combine(Folder, "tiny_conv_gemm.onnx");

    public static ExpectedOutputs Expected => ExpectedValue.Value;

    public static ExpectedCase Case(string name) => Expected.Cases.Single(c => c.Name == name);

    public static void AssertClose(IReadOnlyList<float> expected, ReadOnlySpan<float> actual)
    {
        Assert.Equal(expected.Count, actual.Length);
        for (var i = 0; i < actual.Length; i++)
        {
            Assert.True(
                Math.Abs(expected[i] - actual[i]) <= Tolerance,
                $"element {i}: expected {expected[i]:R}, got {actual[i]:R} (tolerance {Tolerance})");
        }
    }
}

internal sealed record ExpectedOutputs(
    [property: JsonPropertyName("model_sha256")] string ModelSha256,
    [property: JsonPropertyName("input_name")] string InputName,
    [property: JsonPropertyName("output_name")] string OutputName,
    [property: JsonPropertyName("model_version")] long ModelVersion,
    [property: JsonPropertyName("producer_name")] string ProducerName,
    [property: JsonPropertyName("graph_name")] string GraphName,
    [property: JsonPropertyName("domain")] string Domain,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("graph_description")] string GraphDescription,
    [property: JsonPropertyName("custom_metadata")] Dictionary<string, string> CustomMetadata,
    [property: JsonPropertyName("cases")] List<ExpectedCase> Cases);

internal sealed record ExpectedCase(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("input_shape")] long[] InputShape,
    [property: JsonPropertyName("input")] float[] Input,
    [property: JsonPropertyName("output_shape")] long[] OutputShape,
    [property: JsonPropertyName("output")] float[] Output);
