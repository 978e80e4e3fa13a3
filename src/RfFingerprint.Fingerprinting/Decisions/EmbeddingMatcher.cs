using System.Numerics.Tensors;

namespace RfFingerprint.Fingerprinting.Decisions;

/// <summary>
/// Open-set matching of a burst's embedding against enrolled devices (those <see cref="EnrolmentStatistics"/> with
/// embeddings): per device, the distance (<see cref="MatcherOptions.Metric"/>) to its centroid or the mean distance to
/// its k nearest enrolment embeddings (<see cref="MatcherOptions.Method"/>). Immutable after construction, so one
/// instance serves many threads.
/// </summary>
public sealed class EmbeddingMatcher
{
    private readonly MatcherOptions _options;
    private readonly float[][] _embeddings;
    private readonly float[][] _centroids;
    private readonly int[] _counts;

    /// <exception cref="ArgumentException">Enrolments disagree on the embedding size, or a device id repeats.</exception>
    public EmbeddingMatcher(IEnumerable<EnrolmentStatistics> enrolments, MatcherOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(enrolments);
        _options = options ?? new MatcherOptions();
        _options.Validate();
        var withEmbeddings = enrolments.Where(e => e.EmbeddingCount > 0).ToArray();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in withEmbeddings)
        {
            if (!ids.Add(e.DeviceId))
                throw new ArgumentException($"Device '{e.DeviceId}' is enrolled twice.", nameof(enrolments));
        }

        EmbeddingDimension = withEmbeddings.Length == 0 ? 0 : withEmbeddings[0].EmbeddingDimension;
        if (withEmbeddings.Any(e => e.EmbeddingDimension != EmbeddingDimension))
            throw new ArgumentException("All enrolments must have embeddings of one size (one model version).", nameof(enrolments));
        DeviceIds = withEmbeddings.Select(e => e.DeviceId).ToArray();
        _embeddings = withEmbeddings.Select(e => e.Embeddings).ToArray();
        _counts = withEmbeddings.Select(e => e.EmbeddingCount).ToArray();
        _centroids = new float[withEmbeddings.Length][];
        for (int d = 0; d < withEmbeddings.Length; d++)
        {
            var centroid = new float[EmbeddingDimension];
            for (int i = 0; i < _counts[d]; i++)
                TensorPrimitives.Add(centroid, withEmbeddings[d].Embedding(i), centroid);
            TensorPrimitives.Divide(centroid, _counts[d], centroid);
            _centroids[d] = centroid;
        }
    }

    /// <summary>Devices in matcher order (the order of <see cref="Distances"/>).</summary>
    public IReadOnlyList<string> DeviceIds { get; }

    /// <summary>Floats per embedding (0 when nothing is enrolled).</summary>
    public int EmbeddingDimension { get; }

    /// <summary>The settings in use.</summary>
    public MatcherOptions Options => _options;

    /// <summary>Writes the distance from <paramref name="embedding"/> to each device (matcher order).</summary>
    /// <exception cref="ArgumentException">Wrong embedding size or destination shorter than the device count.</exception>
    public void Distances(ReadOnlySpan<float> embedding, Span<double> destination)
    {
        if (DeviceIds.Count > 0 && embedding.Length != EmbeddingDimension)
            throw new ArgumentException($"Expected an embedding of {EmbeddingDimension} floats, got {embedding.Length}.", nameof(embedding));
        if (destination.Length < DeviceIds.Count)
            throw new ArgumentException($"The destination needs {DeviceIds.Count} values, got {destination.Length}.", nameof(destination));
        for (int d = 0; d < DeviceIds.Count; d++)
            destination[d] = DeviceDistance(embedding, d, exclude: -1);
    }

    /// <summary>
    /// Sets a distance threshold for <paramref name="targetFalseAcceptRate"/> from the enrolment data itself:
    /// impostor scores are every enrolment embedding's distance to every other device; genuine scores are each
    /// embedding's leave-one-out distance to its own device (devices with one embedding give none). The threshold
    /// accepts at most floor(target * impostors) impostor scores. See <see cref="CalibrationMethod"/> for the fallbacks.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The target is outside [0, 1].</exception>
    public ThresholdCalibration Calibrate(double targetFalseAcceptRate)
    {
        if (!(targetFalseAcceptRate is >= 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(targetFalseAcceptRate), targetFalseAcceptRate, "The false-accept rate must be within 0..1.");
        var impostors = new List<double>();
        var genuine = new List<double>();
        for (int d = 0; d < DeviceIds.Count; d++)
        {
            for (int i = 0; i < _counts[d]; i++)
            {
                ReadOnlySpan<float> e = _embeddings[d].AsSpan(i * EmbeddingDimension, EmbeddingDimension);
                if (_counts[d] > 1)
                    genuine.Add(DeviceDistance(e, d, exclude: i));
                for (int other = 0; other < DeviceIds.Count; other++)
                {
                    if (other != d)
                        impostors.Add(DeviceDistance(e, other, exclude: -1));
                }
            }
        }

        impostors.Sort();
        genuine.Sort();
        double threshold;
        CalibrationMethod method;
        if (impostors.Count > 0)
        {
            int allowed = (int)Math.Floor(targetFalseAcceptRate * impostors.Count);
            threshold = allowed >= impostors.Count ? double.PositiveInfinity : Math.BitDecrement(impostors[allowed]);
            method = CalibrationMethod.Impostors;
        }
        else if (genuine.Count > 0)
        {
            int index = Math.Clamp((int)Math.Ceiling((1 - targetFalseAcceptRate) * genuine.Count) - 1, 0, genuine.Count - 1);
            threshold = genuine[index];
            method = CalibrationMethod.GenuineOnly;
        }
        else
        {
            threshold = double.PositiveInfinity;
            method = CalibrationMethod.Uncalibrated;
        }

        double far = impostors.Count == 0 ? double.NaN : (double)impostors.Count(s => s <= threshold) / impostors.Count;
        double frr = genuine.Count == 0 ? double.NaN : (double)genuine.Count(s => s > threshold) / genuine.Count;
        return new ThresholdCalibration(threshold, targetFalseAcceptRate, far, frr, impostors.Count, genuine.Count, method);
    }

    /// <summary>Distance from <paramref name="embedding"/> to device <paramref name="device"/>, leaving out its embedding <paramref name="exclude"/> (-1: none).</summary>
    private double DeviceDistance(ReadOnlySpan<float> embedding, int device, int exclude)
    {
        int dim = EmbeddingDimension;
        float[] all = _embeddings[device];
        int count = _counts[device];
        if (_options.Method == MatchMethod.Centroid)
        {
            if (exclude < 0)
                return Distance(embedding, _centroids[device]);
            // Leave-one-out centroid: (n * c - e_i) / (n - 1).
            Span<float> centroid = dim <= 256 ? stackalloc float[dim] : new float[dim];
            TensorPrimitives.Multiply(_centroids[device], count, centroid);
            TensorPrimitives.Subtract(centroid, all.AsSpan(exclude * dim, dim), centroid);
            TensorPrimitives.Divide(centroid, count - 1, centroid);
            return Distance(embedding, centroid);
        }

        int k = Math.Min(_options.K, exclude < 0 ? count : count - 1);
        Span<double> nearest = k <= 64 ? stackalloc double[k] : new double[k];
        nearest.Fill(double.PositiveInfinity);
        for (int i = 0; i < count; i++)
        {
            if (i == exclude)
                continue;
            double d = Distance(embedding, all.AsSpan(i * dim, dim));
            if (d >= nearest[k - 1])
                continue;
            // Insertion into the sorted k smallest.
            int j = k - 1;
            while (j > 0 && nearest[j - 1] > d)
            {
                nearest[j] = nearest[j - 1];
                j--;
            }

            nearest[j] = d;
        }

        double sum = 0;
        foreach (double d in nearest)
            sum += d;
        return sum / k;
    }

    private double Distance(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (_options.Metric == DistanceMetric.Euclidean)
            return TensorPrimitives.Distance(a, b);
        double norms = (double)TensorPrimitives.Norm(a) * TensorPrimitives.Norm(b);
        return norms > 0 ? 1 - (TensorPrimitives.Dot(a, b) / norms) : 1;
    }
}
