using System.Text.Json;
using RfFingerprint.Fingerprinting.Features;

namespace RfFingerprint.Fingerprinting.Inference;

/// <summary>
/// The JSON model card <c>models/train.py</c> writes beside an .onnx (<c>NAME.card.json</c>): what the model is, what it
/// was trained on and how well it did. <see cref="Json"/> keeps the whole document for display and registry storage.
/// </summary>
public sealed record ModelCard
{
    /// <summary>The card's <c>format</c> value.</summary>
    public const string Format = "rffp-model-card";

    public required string ModelVersion { get; init; }

    public required ModelKind Kind { get; init; }

    public required IReadOnlyList<string> Classes { get; init; }

    public required PreprocessingParameters Preprocessing { get; init; }

    /// <summary>sha256 (hex) of the training dataset .npz.</summary>
    public string? TrainingDataSha256 { get; init; }

    /// <summary>sha256 (hex) of the .onnx file the card describes.</summary>
    public string? OnnxSha256 { get; init; }

    public long? Seed { get; init; }

    /// <summary>The <c>metrics</c> object's numeric members (e.g. val_accuracy, train_loss, best_epoch).</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    /// <summary>The whole card as written.</summary>
    public required string Json { get; init; }

    /// <summary>The card path for a model: the .onnx path with <c>.card.json</c> instead of <c>.onnx</c>.</summary>
    public static string PathFor(string onnxPath) => Path.ChangeExtension(onnxPath, null) + ".card.json";

    /// <summary>Parses a card.</summary>
    /// <exception cref="FormatException">Not a model card, or a required field is missing or malformed (named in the message).</exception>
    public static ModelCard Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (!root.TryGetProperty("format", out var format) || format.GetString() != Format)
                throw new FormatException($"Not an rffp model card (format must be '{Format}').");
            var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
            if (root.TryGetProperty("metrics", out var m) && m.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in m.EnumerateObject())
                {
                    if (p.Value.ValueKind == JsonValueKind.Number)
                        metrics[p.Name] = p.Value.GetDouble();
                }
            }

            return new ModelCard
            {
                ModelVersion = Required(root, "model_version").GetString()!,
                Kind = ParseKind(Required(root, "kind").GetString()),
                Classes = Required(root, "classes").EnumerateArray().Select(e => e.GetString() ?? "").ToArray(),
                Preprocessing = PreprocessingParameters.FromJson(Required(root, "preprocessing").GetRawText()),
                TrainingDataSha256 = root.TryGetProperty("training_data", out var t) && t.TryGetProperty("sha256", out var h) ? h.GetString() : null,
                OnnxSha256 = root.TryGetProperty("onnx_sha256", out var o) ? o.GetString() : null,
                Seed = root.TryGetProperty("seed", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt64() : null,
                Metrics = metrics,
                Json = json,
            };
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            throw new FormatException($"Malformed model card: {e.Message}", e);
        }
    }

    /// <summary>Reads and parses a card file.</summary>
    /// <exception cref="FormatException">See <see cref="Parse"/>; the message names the file.</exception>
    public static ModelCard Load(string path)
    {
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (FormatException e)
        {
            throw new FormatException($"{path}: {e.Message}", e);
        }
    }

    internal static ModelKind ParseKind(string? kind) => kind switch
    {
        "classifier" => ModelKind.Classifier,
        "extractor" => ModelKind.Extractor,
        _ => throw new FormatException($"kind must be 'classifier' or 'extractor', got '{kind}'."),
    };

    private static JsonElement Required(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) ? value : throw new FormatException($"The model card has no '{name}'.");
}
