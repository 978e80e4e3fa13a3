namespace RfFingerprint.Fingerprinting.Evaluation;

/// <summary>
/// Percentile intervals of rogue-detection AUC and EER by a device (cluster) bootstrap: each replicate draws the known
/// devices and, independently, the rogue devices with replacement and takes all scores of every drawn device. Bursts
/// of one transmitter share its hardware, so resampling bursts would understate the spread; resampling devices
/// measures how the figures would vary with another draw of devices. Seeded, so a run is reproducible.
/// </summary>
public static class DeviceBootstrap
{
    /// <summary>Replicates used by <see cref="FingerprintEvaluation.OpenSetFromScores(OpenSetScores, int, int)"/> unless told otherwise.</summary>
    public const int DefaultReplicates = 1000;

    /// <summary>
    /// 95 % percentile intervals (2.5th and 97.5th percentile of the replicates) of the AUC and the EER, each defined as in
    /// <see cref="FingerprintEvaluation.OpenSetFromScores(IReadOnlyList{double}, IReadOnlyList{double})"/>.
    /// </summary>
    /// <param name="scores">Scores with their senders; both sides non-empty.</param>
    /// <param name="replicates">Bootstrap replicates (at least 2).</param>
    /// <param name="seed">Seed of the resampling.</param>
    /// <exception cref="ArgumentException">A side has no scores.</exception>
    public static (ConfidenceInterval Auc, ConfidenceInterval Eer) Intervals(OpenSetScores scores, int replicates = DefaultReplicates, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentOutOfRangeException.ThrowIfLessThan(replicates, 2);
        if (scores.KnownScores.Count == 0 || scores.RogueScores.Count == 0)
            throw new ArgumentException("Both known and rogue scores are needed.", nameof(scores));

        var knownCluster = ClusterIndices(scores.KnownDevices, out int knownClusters);
        var rogueCluster = ClusterIndices(scores.RogueDevices, out int rogueClusters);

        // One sort for all replicates: a replicate only reweights the entries (weight = how often its device was drawn).
        int n = scores.KnownScores.Count + scores.RogueScores.Count;
        var entries = new (double Score, bool Rogue, int Cluster)[n];
        for (int i = 0; i < scores.KnownScores.Count; i++)
            entries[i] = (scores.KnownScores[i], false, knownCluster[i]);
        for (int i = 0; i < scores.RogueScores.Count; i++)
            entries[scores.KnownScores.Count + i] = (scores.RogueScores[i], true, rogueCluster[i]);
        Array.Sort(entries, (a, b) => a.Score.CompareTo(b.Score));

        var random = new Random(seed);
        var knownWeight = new int[knownClusters];
        var rogueWeight = new int[rogueClusters];
        var aucs = new double[replicates];
        var eers = new double[replicates];
        for (int r = 0; r < replicates; r++)
        {
            Draw(random, knownWeight);
            Draw(random, rogueWeight);
            (aucs[r], eers[r]) = Measure(entries, knownWeight, rogueWeight);
        }

        return (Percentiles(aucs), Percentiles(eers));
    }

    private static int[] ClusterIndices(IReadOnlyList<string> devices, out int clusters)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new int[devices.Count];
        for (int i = 0; i < devices.Count; i++)
        {
            if (!index.TryGetValue(devices[i], out int c))
            {
                c = index.Count;
                index[devices[i]] = c;
            }

            result[i] = c;
        }

        clusters = index.Count;
        return result;
    }

    private static void Draw(Random random, int[] weights)
    {
        Array.Clear(weights);
        for (int i = 0; i < weights.Length; i++)
            weights[random.Next(weights.Length)]++;
    }

    /// <summary>Weighted AUC (Mann-Whitney, ties one half) and EER over the sorted entries in one pass.</summary>
    private static (double Auc, double Eer) Measure((double Score, bool Rogue, int Cluster)[] entries, int[] knownWeight, int[] rogueWeight)
    {
        double totalKnown = 0, totalRogue = 0;
        foreach (var e in entries)
        {
            if (e.Rogue)
                totalRogue += rogueWeight[e.Cluster];
            else
                totalKnown += knownWeight[e.Cluster];
        }

        if (totalKnown == 0 || totalRogue == 0)
            return (double.NaN, double.NaN);
        double acceptedKnown = 0, acceptedRogue = 0, pairs = 0, eer = double.NaN, bestGap = double.PositiveInfinity;
        for (int i = 0; i < entries.Length;)
        {
            int j = i;
            double groupKnown = 0, groupRogue = 0;
            while (j < entries.Length && entries[j].Score == entries[i].Score)
            {
                if (entries[j].Rogue)
                    groupRogue += rogueWeight[entries[j].Cluster];
                else
                    groupKnown += knownWeight[entries[j].Cluster];
                j++;
            }

            pairs += groupRogue * (acceptedKnown + (0.5 * groupKnown));
            acceptedKnown += groupKnown;
            acceptedRogue += groupRogue;
            double far = acceptedRogue / totalRogue, frr = 1 - (acceptedKnown / totalKnown);
            if (Math.Abs(far - frr) < bestGap)
            {
                bestGap = Math.Abs(far - frr);
                eer = (far + frr) / 2;
            }

            i = j;
        }

        return (pairs / (totalKnown * totalRogue), eer);
    }

    private static ConfidenceInterval Percentiles(double[] values)
    {
        var finite = values.Where(double.IsFinite).Order().ToArray();
        if (finite.Length == 0)
            return new ConfidenceInterval(double.NaN, double.NaN);
        return new ConfidenceInterval(Percentile(finite, 0.025), Percentile(finite, 0.975));
    }

    private static double Percentile(double[] sorted, double p)
    {
        double position = p * (sorted.Length - 1);
        int low = (int)Math.Floor(position);
        int high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + ((position - low) * (sorted[high] - sorted[low]));
    }
}
