using RfFingerprint.Fingerprinting.Features;

namespace RfFingerprint.Fingerprinting.Datasets;

/// <summary>
/// A feature dataset in memory, as <see cref="FeatureDatasetWriter"/> writes it: N bursts of
/// <see cref="FeatureLength"/> floats each (row-major frequency x time), labels, CFOs, SNRs, device names and the
/// preprocessing parameters that made the features.
/// </summary>
public sealed class FeatureDataset
{
    /// <summary>Assembles a dataset; arrays are used as given (not copied).</summary>
    /// <exception cref="ArgumentException">Lengths disagree or a label is outside the device list.</exception>
    public FeatureDataset(PreprocessingParameters parameters, float[] features, int[] labels, double[] cfoHz, double[] snrDb, string[] deviceNames)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(cfoHz);
        ArgumentNullException.ThrowIfNull(snrDb);
        ArgumentNullException.ThrowIfNull(deviceNames);
        int n = labels.Length;
        if (features.Length != (long)n * parameters.FeatureLength)
            throw new ArgumentException($"{n} bursts need {(long)n * parameters.FeatureLength} feature values, got {features.Length}.", nameof(features));
        if (cfoHz.Length != n)
            throw new ArgumentException($"Expected {n} CFO values, got {cfoHz.Length}.", nameof(cfoHz));
        if (snrDb.Length != n)
            throw new ArgumentException($"Expected {n} SNR values, got {snrDb.Length}.", nameof(snrDb));
        foreach (int label in labels)
        {
            if ((uint)label >= (uint)deviceNames.Length)
                throw new ArgumentException($"Label {label} is outside the {deviceNames.Length} device names.", nameof(labels));
        }

        Parameters = parameters;
        Features = features;
        Labels = labels;
        CfoHz = cfoHz;
        SnrDb = snrDb;
        DeviceNames = deviceNames;
    }

    /// <summary>The preprocessing the features were made with.</summary>
    public PreprocessingParameters Parameters { get; }

    /// <summary>All features, burst after burst.</summary>
    public float[] Features { get; }

    /// <summary>0-based device index per burst.</summary>
    public int[] Labels { get; }

    /// <summary>Estimated CFO per burst, in Hz.</summary>
    public double[] CfoHz { get; }

    /// <summary>Estimated SNR per burst, in dB (NaN where unknown).</summary>
    public double[] SnrDb { get; }

    /// <summary>Device names in label order.</summary>
    public string[] DeviceNames { get; }

    /// <summary>Number of bursts.</summary>
    public int Count => Labels.Length;

    /// <summary>Floats per burst.</summary>
    public int FeatureLength => Parameters.FeatureLength;

    /// <summary>The features of burst <paramref name="index"/>.</summary>
    public ReadOnlySpan<float> FeaturesOf(int index) => Features.AsSpan(checked(index * FeatureLength), FeatureLength);

    /// <summary>Loads a dataset .npz.</summary>
    /// <exception cref="InvalidDataException">A member is missing or has the wrong type or shape; the message names it.</exception>
    public static FeatureDataset Load(string path)
    {
        var arrays = NpzReader.Read(path);
        NpyArray Member(string name) => arrays.TryGetValue(name, out var a)
            ? a
            : throw new InvalidDataException($"{path} has no '{name}' array.");

        PreprocessingParameters parameters;
        try
        {
            parameters = PreprocessingParameters.FromJson(Member("preprocessing").As<string>()[0]);
        }
        catch (FormatException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }

        var features = Member("features");
        if (features.Shape.Count != 4 || features.Shape[1] != 1 || features.Shape[2] != parameters.FrequencyBins || features.Shape[3] != parameters.TimeFrames)
            throw new InvalidDataException($"{path}: 'features' has shape ({string.Join(", ", features.Shape)}), expected (N, 1, {parameters.FrequencyBins}, {parameters.TimeFrames}).");
        try
        {
            return new FeatureDataset(parameters, features.As<float>(), Member("labels").As<int>(), Member("cfo_hz").As<double>(), Member("snr_db").As<double>(), Member("device_names").As<string>());
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }
}
