using RfFingerprint.Fingerprinting.Decisions;
using RfFingerprint.Fingerprinting.Inference;

namespace RfFingerprint.Fingerprinting.Evaluation;

/// <summary>
/// Offline evaluation over model outputs (pure computation; <see cref="EvaluationSet.FromDataset"/> produces the outputs).
/// Comparing CFO compensation on and off means evaluating two datasets exported with
/// <see cref="Features.PreprocessingParameters.CompensateCfo"/> true and false, each with its own model.
/// </summary>
public static class FingerprintEvaluation
{
    private const string EvaluationModelVersion = "evaluation";

    /// <summary>
    /// Enrols every training device (classifier: by class index; extractor: by its training embeddings and CFOs) and
    /// identifies each test burst of those devices, once by fingerprint alone (nearest device / most probable class) and
    /// once with the CFO-range rule; both without a rejection threshold. Test bursts are taken in order, so with
    /// <see cref="DecisionOptions.TrackCfoDrift"/> on the hybrid rule follows drift as it would live.
    /// </summary>
    /// <param name="train">Outputs of the bursts that enrol the devices.</param>
    /// <param name="test">Outputs of the bursts to identify.</param>
    /// <param name="kind">Whether the outputs are class probabilities or embeddings.</param>
    /// <param name="modelClasses">Classifier only: the model's class names (<see cref="FingerprintModel.Classes"/>); null means the training set's device names.</param>
    /// <param name="options">CFO range and matcher settings; thresholds are ignored.</param>
    /// <param name="snrBinWidthDb">Width of the SNR bins, in dB.</param>
    /// <exception cref="ArgumentException">No test burst belongs to a training device, or a training device is not a model class.</exception>
    public static ClosedSetReport ClosedSet(EvaluationSet train, EvaluationSet test, ModelKind kind, IReadOnlyList<string>? modelClasses = null, DecisionOptions? options = null, double snrBinWidthDb = 5)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(snrBinWidthDb);
        var baseOptions = (options ?? new DecisionOptions()) with { DistanceThreshold = double.PositiveInfinity, MinimumProbability = 0 };
        var enrolments = Enrol(train, kind, modelClasses, baseOptions.CfoRange);
        var devices = enrolments.Select(e => e.DeviceId).ToArray();
        var plain = new FingerprintDecider(kind, EvaluationModelVersion, enrolments, baseOptions with { UseCfoRule = false, TrackCfoDrift = false });
        var hybrid = new FingerprintDecider(kind, EvaluationModelVersion, enrolments, baseOptions with { UseCfoRule = true });
        var index = devices.Select((d, i) => (d, i)).ToDictionary(p => p.d, p => p.i, StringComparer.Ordinal);
        var confusion = new int[devices.Length * devices.Length];
        var bins = new SortedDictionary<double, (int Count, int Correct, int HybridCorrect)>();
        int count = 0, correct = 0, hybridCorrect = 0;
        for (int b = 0; b < test.Count; b++)
        {
            string truth = test.DeviceOf(b);
            if (!index.TryGetValue(truth, out int row))
                continue;
            var output = test.Output(b);
            var p = plain.Decide(output, test.CfoHz[b]);
            var h = hybrid.Decide(output, test.CfoHz[b]);
            bool ok = p.DeviceId == truth;
            bool hybridOk = h.DeviceId == truth;
            count++;
            correct += ok ? 1 : 0;
            hybridCorrect += hybridOk ? 1 : 0;
            confusion[(row * devices.Length) + index[p.DeviceId!]]++;
            double snr = test.SnrDb[b];
            if (double.IsFinite(snr))
            {
                double low = Math.Floor(snr / snrBinWidthDb) * snrBinWidthDb;
                var bin = bins.GetValueOrDefault(low);
                bins[low] = (bin.Count + 1, bin.Correct + (ok ? 1 : 0), bin.HybridCorrect + (hybridOk ? 1 : 0));
            }
        }

        if (count == 0)
            throw new ArgumentException("No test burst belongs to a device of the training set.", nameof(test));
        var bySnr = bins.Select(kv => new SnrBin(kv.Key, kv.Key + snrBinWidthDb, kv.Value.Count, (double)kv.Value.Correct / kv.Value.Count, (double)kv.Value.HybridCorrect / kv.Value.Count)).ToArray();
        return new ClosedSetReport(count, (double)correct / count, (double)hybridCorrect / count, devices, confusion, bySnr);
    }

    /// <summary>
    /// Rogue-device detection with an extractor: devices of <paramref name="enrolment"/> are enrolled; each test burst's
    /// score is its distance to the nearest enrolled device (<see cref="EmbeddingMatcher"/>). Known = test bursts of
    /// enrolled devices, rogue = the others. Reports ROC, AUC and EER (at the ROC point where the false-accept and
    /// false-reject rates are closest, their mean) with device-bootstrap intervals (<see cref="DeviceBootstrap"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The test set lacks known or rogue bursts.</exception>
    public static OpenSetReport OpenSet(EvaluationSet enrolment, EvaluationSet test, MatcherOptions? options = null)
    {
        var scores = OpenSetScores(enrolment, test, options);
        if (scores.KnownScores.Count == 0 || scores.RogueScores.Count == 0)
            throw new ArgumentException($"The test set needs bursts of enrolled and of unknown devices (has {scores.KnownScores.Count} and {scores.RogueScores.Count}).", nameof(test));
        return OpenSetFromScores(scores);
    }

    /// <summary>
    /// The rogue-detection scores of <see cref="OpenSet"/> without summarising them, so that several measurements (e.g.
    /// groups of enrolled devices) can be pooled with <see cref="Evaluation.OpenSetScores.Concat"/>. Either side may be empty.
    /// </summary>
    public static OpenSetScores OpenSetScores(EvaluationSet enrolment, EvaluationSet test, MatcherOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        ArgumentNullException.ThrowIfNull(test);
        var enrolments = Enrol(enrolment, ModelKind.Extractor, null, new CfoRangeOptions());
        var matcher = new EmbeddingMatcher(enrolments, options);
        var known = new HashSet<string>(matcher.DeviceIds, StringComparer.Ordinal);
        var distances = new double[matcher.DeviceIds.Count];
        var knownScores = new List<double>();
        var knownDevices = new List<string>();
        var rogueScores = new List<double>();
        var rogueDevices = new List<string>();
        for (int b = 0; b < test.Count; b++)
        {
            matcher.Distances(test.Output(b), distances);
            double score = distances.Min();
            string device = test.DeviceOf(b);
            bool isKnown = known.Contains(device);
            (isKnown ? knownScores : rogueScores).Add(score);
            (isKnown ? knownDevices : rogueDevices).Add(device);
        }

        return new OpenSetScores(knownScores, knownDevices, rogueScores, rogueDevices);
    }

    /// <summary>
    /// <see cref="OpenSetFromScores(IReadOnlyList{double}, IReadOnlyList{double})"/> plus the device counts and 95 %
    /// device-bootstrap intervals of AUC and EER (<see cref="DeviceBootstrap.Intervals"/>).
    /// </summary>
    /// <exception cref="ArgumentException">Either side has no scores.</exception>
    public static OpenSetReport OpenSetFromScores(OpenSetScores scores, int bootstrapReplicates = DeviceBootstrap.DefaultReplicates, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var report = OpenSetFromScores(scores.KnownScores, scores.RogueScores);
        var (auc, eer) = DeviceBootstrap.Intervals(scores, bootstrapReplicates, seed);
        return report with
        {
            KnownDeviceCount = scores.KnownDevices.Distinct(StringComparer.Ordinal).Count(),
            RogueDeviceCount = scores.RogueDevices.Distinct(StringComparer.Ordinal).Count(),
            AucInterval = auc,
            EerInterval = eer,
        };
    }

    /// <summary>ROC, AUC and EER from distance scores (lower = more like an enrolled device).</summary>
    /// <exception cref="ArgumentException">Either list is empty.</exception>
    public static OpenSetReport OpenSetFromScores(IReadOnlyList<double> knownScores, IReadOnlyList<double> rogueScores)
    {
        ArgumentNullException.ThrowIfNull(knownScores);
        ArgumentNullException.ThrowIfNull(rogueScores);
        if (knownScores.Count == 0 || rogueScores.Count == 0)
            throw new ArgumentException("Both known and rogue scores are needed.", nameof(knownScores));
        var all = knownScores.Select(s => (Score: s, Rogue: false)).Concat(rogueScores.Select(s => (Score: s, Rogue: true))).OrderBy(p => p.Score).ToArray();

        // Mann-Whitney: AUC = (sum of rogue ranks - nR (nR + 1) / 2) / (nR nK), ties sharing their mean rank.
        double rogueRankSum = 0;
        for (int i = 0; i < all.Length;)
        {
            int j = i;
            while (j < all.Length && all[j].Score == all[i].Score)
                j++;
            double meanRank = ((i + 1) + j) / 2.0;
            for (int k = i; k < j; k++)
            {
                if (all[k].Rogue)
                    rogueRankSum += meanRank;
            }

            i = j;
        }

        double nR = rogueScores.Count, nK = knownScores.Count;
        double auc = (rogueRankSum - (nR * (nR + 1) / 2)) / (nR * nK);

        var roc = new List<RocPoint>();
        int acceptedKnown = 0, acceptedRogue = 0;
        double eer = double.NaN, eerThreshold = double.NaN, bestGap = double.PositiveInfinity;
        for (int i = 0; i < all.Length; i++)
        {
            if (all[i].Rogue)
                acceptedRogue++;
            else
                acceptedKnown++;
            if (i + 1 < all.Length && all[i + 1].Score == all[i].Score)
                continue;
            double far = acceptedRogue / nR, tpr = acceptedKnown / nK;
            roc.Add(new RocPoint(all[i].Score, far, tpr));
            double frr = 1 - tpr;
            if (Math.Abs(far - frr) < bestGap)
            {
                bestGap = Math.Abs(far - frr);
                eer = (far + frr) / 2;
                eerThreshold = all[i].Score;
            }
        }

        return new OpenSetReport(knownScores.Count, rogueScores.Count, auc, eer, eerThreshold, roc);
    }

    private static List<EnrolmentStatistics> Enrol(EvaluationSet train, ModelKind kind, IReadOnlyList<string>? modelClasses, CfoRangeOptions rangeOptions)
    {
        var enrolments = new List<EnrolmentStatistics>();
        for (int label = 0; label < train.DeviceNames.Length; label++)
        {
            var rows = Enumerable.Range(0, train.Count).Where(b => train.Labels[b] == label).ToArray();
            if (rows.Length == 0)
                continue;
            string name = train.DeviceNames[label];
            double[] cfo = rows.Select(b => train.CfoHz[b]).ToArray();
            if (kind == ModelKind.Classifier)
            {
                int classIndex = modelClasses is null ? label : IndexOf(modelClasses, name);
                enrolments.Add(EnrolmentStatistics.ForClass(name, EvaluationModelVersion, classIndex, cfo, rangeOptions));
            }
            else
            {
                var embeddings = new float[rows.Length * train.OutputDimension];
                for (int i = 0; i < rows.Length; i++)
                    train.Output(rows[i]).CopyTo(embeddings.AsSpan(i * train.OutputDimension));
                enrolments.Add(EnrolmentStatistics.FromEmbeddings(name, EvaluationModelVersion, embeddings, train.OutputDimension, cfo, rangeOptions));
            }
        }

        return enrolments;
    }

    private static int IndexOf(IReadOnlyList<string> classes, string name)
    {
        for (int i = 0; i < classes.Count; i++)
        {
            if (string.Equals(classes[i], name, StringComparison.Ordinal))
                return i;
        }

        throw new ArgumentException($"Training device '{name}' is not a class of the model.", nameof(classes));
    }
}
