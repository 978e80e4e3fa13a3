using System.Security.Cryptography;
using System.Text.Json;
using RfFingerprint.Fingerprinting.Features;
using RfFingerprint.OnnxRuntime;

namespace RfFingerprint.Fingerprinting.Inference;

/// <summary>
/// An RF-fingerprint ONNX model (classifier or extractor, see <see cref="ModelKind"/>) with the preprocessing it was
/// trained on, read from the model's own metadata (<see cref="ModelMetadataKeys"/>), and its card when one lies beside it.
/// </summary>
/// <remarks>
/// Input: <see cref="InputName"/> float [N, 1, F, T], N bursts of <see cref="PreprocessingParameters.FeatureLength"/>
/// floats each, as <see cref="SpectrogramExtractor"/> writes them. Output: [N, <see cref="OutputDimension"/>].
/// One instance serves many threads: ONNX Runtime sessions run concurrently, and nothing else here is mutable.
/// </remarks>
public sealed class FingerprintModel : IDisposable
{
    private readonly InferenceSession _session;
    private readonly long[] _featureShape;

    private FingerprintModel(InferenceSession session, string path, string sha256, ModelCard? card)
    {
        _session = session;
        Path = path;
        Sha256 = sha256;
        Card = card;
        var metadata = session.ModelMetadata.CustomMetadata;
        try
        {
            Preprocessing = PreprocessingParameters.FromJson(Get(metadata, ModelMetadataKeys.Preprocessing));
            Kind = ModelCard.ParseKind(Get(metadata, ModelMetadataKeys.Kind));
            Classes = JsonSerializer.Deserialize<string[]>(Get(metadata, ModelMetadataKeys.Classes))
                ?? throw new FormatException($"'{ModelMetadataKeys.Classes}' is null.");
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            throw new ModelCompatibilityException($"Model {path} has unusable metadata: {e.Message}", e);
        }

        ModelVersion = metadata.TryGetValue(ModelMetadataKeys.ModelVersion, out var version) ? version : $"{Kind.ToString().ToLowerInvariant()}-{sha256[..12]}";
        TrainingDataSha256 = metadata.GetValueOrDefault(ModelMetadataKeys.TrainingDataSha256);
        string defaultOutput = Kind == ModelKind.Classifier ? "probabilities" : "embedding";
        OutputName = metadata.GetValueOrDefault(ModelMetadataKeys.Output, defaultOutput);

        if (session.Inputs.Count != 1)
            throw new ModelCompatibilityException($"Model {path} has {session.Inputs.Count} inputs; a fingerprint model has one.");
        var input = session.Inputs[0];
        InputName = input.Name;
        long[] expectedShape = [-1, 1, Preprocessing.FrequencyBins, Preprocessing.TimeFrames];
        if (input.Shape.Count != 4 || input.Shape[1] != 1 || input.Shape[2] != expectedShape[2] || input.Shape[3] != expectedShape[3])
        {
            throw new ModelCompatibilityException(
                $"Model {path}: input shape [{string.Join(", ", input.Shape)}] does not match its preprocessing (N, 1, {expectedShape[2]}, {expectedShape[3]}).",
                [$"input_shape: [{string.Join(", ", input.Shape)}] != [N, 1, {expectedShape[2]}, {expectedShape[3]}]"]);
        }

        var output = session.Outputs.FirstOrDefault(o => o.Name == OutputName)
            ?? throw new ModelCompatibilityException($"Model {path} has no output '{OutputName}'.");
        if (output.Shape.Count != 2 || output.Shape[1] <= 0)
            throw new ModelCompatibilityException($"Model {path}: output '{OutputName}' must be [N, D] with a fixed D, got [{string.Join(", ", output.Shape)}].");
        OutputDimension = checked((int)output.Shape[1]);
        if (Kind == ModelKind.Classifier && Classes.Count != OutputDimension)
            throw new ModelCompatibilityException($"Model {path}: {Classes.Count} classes in '{ModelMetadataKeys.Classes}' but {OutputDimension} outputs.");
        if (card is not null && card.Preprocessing != Preprocessing)
        {
            var differences = card.Preprocessing.Differences(Preprocessing);
            throw new ModelCompatibilityException($"Model {path}: its card's preprocessing differs from the ONNX metadata ({string.Join("; ", differences)}).", differences);
        }

        _featureShape = [0, 1, Preprocessing.FrequencyBins, Preprocessing.TimeFrames];
    }

    /// <summary>The .onnx file.</summary>
    public string Path { get; }

    /// <summary>sha256 (lower-case hex) of the .onnx file.</summary>
    public string Sha256 { get; }

    /// <summary>The card beside the model, or null when there is none.</summary>
    public ModelCard? Card { get; }

    /// <summary>Classifier or extractor.</summary>
    public ModelKind Kind { get; }

    /// <summary>The model version (from <c>rffp.model_version</c>).</summary>
    public string ModelVersion { get; }

    /// <summary>Preprocessing the model was trained on; serve with <see cref="CreateExtractor"/>.</summary>
    public PreprocessingParameters Preprocessing { get; }

    /// <summary>Training devices in class order.</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>sha256 of the training dataset, when the metadata records it.</summary>
    public string? TrainingDataSha256 { get; }

    /// <summary>Input tensor name.</summary>
    public string InputName { get; }

    /// <summary>Output tensor name.</summary>
    public string OutputName { get; }

    /// <summary>Floats per burst in the output: classes (classifier) or embedding size (extractor).</summary>
    public int OutputDimension { get; }

    /// <summary>Floats per burst in the input.</summary>
    public int FeatureLength => Preprocessing.FeatureLength;

    /// <summary>
    /// Loads <paramref name="onnxPath"/> (and <see cref="ModelCard.PathFor"/> if that file exists) and, when
    /// <paramref name="expectedPreprocessing"/> is given, refuses a model trained on other features.
    /// </summary>
    /// <exception cref="ModelCompatibilityException">Metadata missing or malformed, input shape disagrees with the preprocessing,
    /// or the preprocessing differs from <paramref name="expectedPreprocessing"/>; the message names each differing field.</exception>
    /// <exception cref="FormatException">The card exists but is malformed.</exception>
    /// <exception cref="OnnxRuntimeException">ONNX Runtime cannot load the file.</exception>
    public static FingerprintModel Load(string onnxPath, PreprocessingParameters? expectedPreprocessing = null, SessionOptions? sessionOptions = null, OrtEnvironment? environment = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(onnxPath);
        string fullPath = System.IO.Path.GetFullPath(onnxPath);
        byte[] bytes = File.ReadAllBytes(fullPath);
        string sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        string cardPath = ModelCard.PathFor(fullPath);
        ModelCard? card = File.Exists(cardPath) ? ModelCard.Load(cardPath) : null;
        var session = new InferenceSession(bytes, sessionOptions, environment);
        try
        {
            var model = new FingerprintModel(session, fullPath, sha256, card);
            if (expectedPreprocessing is not null)
                model.EnsureCompatible(expectedPreprocessing);
            return model;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>Throws unless the model was trained on features made with <paramref name="extractorParameters"/>.</summary>
    /// <exception cref="ModelCompatibilityException">A field differs; the message and <see cref="ModelCompatibilityException.Differences"/> name it.</exception>
    public void EnsureCompatible(PreprocessingParameters extractorParameters)
    {
        ArgumentNullException.ThrowIfNull(extractorParameters);
        if (Preprocessing == extractorParameters)
            return;
        var differences = Preprocessing.Differences(extractorParameters);
        throw new ModelCompatibilityException(
            $"Model {ModelVersion} ({System.IO.Path.GetFileName(Path)}) was trained on other features: {string.Join("; ", differences)} (model != extractor).",
            differences);
    }

    /// <summary>An extractor configured with the model's own preprocessing.</summary>
    public SpectrogramExtractor CreateExtractor() => new(Preprocessing);

    /// <summary>Runs <paramref name="batchSize"/> bursts and writes batchSize * <see cref="OutputDimension"/> floats.</summary>
    /// <param name="features">batchSize * <see cref="FeatureLength"/> floats, burst after burst.</param>
    /// <param name="batchSize">Number of bursts (at least 1).</param>
    /// <param name="destination">At least batchSize * OutputDimension floats; row i = burst i.</param>
    /// <exception cref="ArgumentException">Lengths do not match the batch size.</exception>
    /// <exception cref="OnnxRuntimeException">ONNX Runtime failed.</exception>
    public void Run(ReadOnlySpan<float> features, int batchSize, Span<float> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        if (features.Length != (long)batchSize * FeatureLength)
            throw new ArgumentException($"{batchSize} bursts need {(long)batchSize * FeatureLength} feature values, got {features.Length}.", nameof(features));
        if (destination.Length < (long)batchSize * OutputDimension)
            throw new ArgumentException($"{batchSize} bursts give {(long)batchSize * OutputDimension} output values; the destination holds {destination.Length}.", nameof(destination));
        Span<long> shape = stackalloc long[4];
        _featureShape.CopyTo(shape);
        shape[0] = batchSize;
        _session.Run(InputName, features, shape, OutputName, destination);
    }

    /// <summary>Runs <paramref name="batchSize"/> bursts and returns a new [batchSize * OutputDimension] array.</summary>
    public float[] Run(ReadOnlySpan<float> features, int batchSize)
    {
        var output = new float[checked(batchSize * OutputDimension)];
        Run(features, batchSize, output);
        return output;
    }

    /// <summary>Releases the ONNX Runtime session.</summary>
    public void Dispose() => _session.Dispose();

    private static string Get(IReadOnlyDictionary<string, string> metadata, string key) =>
        metadata.TryGetValue(key, out var value) ? value : throw new FormatException($"the ONNX metadata has no '{key}'.");
}
