using RfFingerprint.Fingerprinting.Datasets;
using RfFingerprint.Fingerprinting.Inference;

namespace RfFingerprint.Fingerprinting.Evaluation;

/// <summary>
/// Model outputs of a set of bursts with their ground truth: <see cref="Outputs"/> holds one row of
/// <see cref="OutputDimension"/> floats per burst (probabilities or embedding), <see cref="Labels"/> index
/// <see cref="DeviceNames"/>. Devices are matched across sets by name.
/// </summary>
public sealed class EvaluationSet
{
    /// <exception cref="ArgumentException">Lengths disagree or a label is outside the device names.</exception>
    public EvaluationSet(float[] outputs, int outputDimension, int[] labels, double[] cfoHz, double[] snrDb, string[] deviceNames)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(cfoHz);
        ArgumentNullException.ThrowIfNull(snrDb);
        ArgumentNullException.ThrowIfNull(deviceNames);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputDimension, 1);
        if (outputs.Length != (long)labels.Length * outputDimension)
            throw new ArgumentException($"{labels.Length} bursts of {outputDimension} outputs need {(long)labels.Length * outputDimension} values, got {outputs.Length}.", nameof(outputs));
        if (cfoHz.Length != labels.Length)
            throw new ArgumentException($"Expected {labels.Length} CFO values, got {cfoHz.Length}.", nameof(cfoHz));
        if (snrDb.Length != labels.Length)
            throw new ArgumentException($"Expected {labels.Length} SNR values, got {snrDb.Length}.", nameof(snrDb));
        if (labels.Any(l => (uint)l >= (uint)deviceNames.Length))
            throw new ArgumentException($"A label is outside the {deviceNames.Length} device names.", nameof(labels));
        Outputs = outputs;
        OutputDimension = outputDimension;
        Labels = labels;
        CfoHz = cfoHz;
        SnrDb = snrDb;
        DeviceNames = deviceNames;
    }

    public float[] Outputs { get; }

    public int OutputDimension { get; }

    public int[] Labels { get; }

    public double[] CfoHz { get; }

    public double[] SnrDb { get; }

    public string[] DeviceNames { get; }

    public int Count => Labels.Length;

    /// <summary>Output row of burst <paramref name="index"/>.</summary>
    public ReadOnlySpan<float> Output(int index) => Outputs.AsSpan(index * OutputDimension, OutputDimension);

    /// <summary>True device name of burst <paramref name="index"/>.</summary>
    public string DeviceOf(int index) => DeviceNames[Labels[index]];

    /// <summary>Runs <paramref name="model"/> over a feature dataset in batches of <paramref name="batchSize"/>.</summary>
    /// <exception cref="ModelCompatibilityException">The dataset's preprocessing differs from the model's.</exception>
    public static EvaluationSet FromDataset(FeatureDataset dataset, FingerprintModel model, int batchSize = 256)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        model.EnsureCompatible(dataset.Parameters);
        var outputs = new float[(long)dataset.Count * model.OutputDimension];
        for (int start = 0; start < dataset.Count; start += batchSize)
        {
            int n = Math.Min(batchSize, dataset.Count - start);
            model.Run(
                dataset.Features.AsSpan(start * dataset.FeatureLength, n * dataset.FeatureLength),
                n,
                outputs.AsSpan(start * model.OutputDimension, n * model.OutputDimension));
        }

        return new EvaluationSet(outputs, model.OutputDimension, dataset.Labels, dataset.CfoHz, dataset.SnrDb, dataset.DeviceNames);
    }
}
