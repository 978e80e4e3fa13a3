using RfFingerprint.Fingerprinting.Inference;

namespace RfFingerprint.Fingerprinting.Decisions;

/// <summary>Enrols a device from its bursts' features with a loaded model.</summary>
public static class DeviceEnrolment
{
    private const int BatchSize = 256;

    /// <summary>
    /// Extractor models: runs the model over the bursts and stores their embeddings. Classifier models: finds the
    /// device's class by <paramref name="className"/> (default: the device id) in <see cref="FingerprintModel.Classes"/>.
    /// Both record the bursts' CFO statistics and range.
    /// </summary>
    /// <param name="model">The model the enrolment belongs to.</param>
    /// <param name="deviceId">The registry's device identifier.</param>
    /// <param name="features">burstCount x <see cref="FingerprintModel.FeatureLength"/> floats.</param>
    /// <param name="burstCount">Number of enrolment bursts (at least 1).</param>
    /// <param name="cfoHz">The bursts' CFOs, in Hz.</param>
    /// <param name="options">Range options; null for the defaults.</param>
    /// <param name="className">Classifier only: the device's class name when it differs from the device id.</param>
    /// <exception cref="ArgumentException">Lengths disagree, or the classifier has no such class.</exception>
    public static EnrolmentStatistics Enrol(FingerprintModel model, string deviceId, ReadOnlySpan<float> features, int burstCount, ReadOnlySpan<double> cfoHz, CfoRangeOptions? options = null, string? className = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(burstCount, 1);
        if (features.Length != (long)burstCount * model.FeatureLength)
            throw new ArgumentException($"{burstCount} bursts need {(long)burstCount * model.FeatureLength} feature values, got {features.Length}.", nameof(features));
        if (cfoHz.Length != burstCount)
            throw new ArgumentException($"{burstCount} bursts need {burstCount} CFO values, got {cfoHz.Length}.", nameof(cfoHz));
        if (model.Kind == ModelKind.Classifier)
        {
            string name = className ?? deviceId;
            int classIndex = -1;
            for (int i = 0; i < model.Classes.Count && classIndex < 0; i++)
            {
                if (string.Equals(model.Classes[i], name, StringComparison.Ordinal))
                    classIndex = i;
            }

            if (classIndex < 0)
                throw new ArgumentException($"Model {model.ModelVersion} has no class '{name}'; a closed-set classifier only knows the devices it was trained on.", nameof(className));
            return EnrolmentStatistics.ForClass(deviceId, model.ModelVersion, classIndex, cfoHz, options);
        }

        var embeddings = new float[burstCount * model.OutputDimension];
        for (int start = 0; start < burstCount; start += BatchSize)
        {
            int n = Math.Min(BatchSize, burstCount - start);
            model.Run(features.Slice(start * model.FeatureLength, n * model.FeatureLength), n, embeddings.AsSpan(start * model.OutputDimension, n * model.OutputDimension));
        }

        return EnrolmentStatistics.FromEmbeddings(deviceId, model.ModelVersion, embeddings, model.OutputDimension, cfoHz, options);
    }
}
