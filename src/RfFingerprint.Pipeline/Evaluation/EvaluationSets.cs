using RfFingerprint.Fingerprinting.Evaluation;

namespace RfFingerprint.Pipeline.Evaluation;

/// <summary>Subsets and unions of <see cref="EvaluationSet"/>s (devices are matched by name).</summary>
public static class EvaluationSets
{
    /// <summary>The bursts for which <paramref name="keep"/> (given the burst index) is true, in order.</summary>
    public static EvaluationSet Where(EvaluationSet set, Func<int, bool> keep)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(keep);
        var rows = Enumerable.Range(0, set.Count).Where(keep).ToArray();
        int d = set.OutputDimension;
        var outputs = new float[rows.Length * d];
        for (int i = 0; i < rows.Length; i++)
            set.Output(rows[i]).CopyTo(outputs.AsSpan(i * d, d));
        return new EvaluationSet(outputs, d, rows.Select(r => set.Labels[r]).ToArray(), rows.Select(r => set.CfoHz[r]).ToArray(),
            rows.Select(r => set.SnrDb[r]).ToArray(), set.DeviceNames);
    }

    /// <summary>The bursts of the named devices.</summary>
    public static EvaluationSet OfDevices(EvaluationSet set, IReadOnlySet<string> devices)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(devices);
        return Where(set, b => devices.Contains(set.DeviceOf(b)));
    }

    /// <summary>The first <paramref name="perDevice"/> bursts (in set order) of every device.</summary>
    public static EvaluationSet FirstPerDevice(EvaluationSet set, int perDevice)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentOutOfRangeException.ThrowIfLessThan(perDevice, 1);
        var seen = new int[set.DeviceNames.Length];
        var keep = new bool[set.Count];
        for (int b = 0; b < set.Count; b++)
            keep[b] = seen[set.Labels[b]]++ < perDevice;
        return Where(set, b => keep[b]);
    }

    /// <summary>The bursts of <paramref name="first"/> followed by those of <paramref name="second"/>, with the union of their device names.</summary>
    /// <exception cref="ArgumentException">The output dimensions differ.</exception>
    public static EvaluationSet Concat(EvaluationSet first, EvaluationSet second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.OutputDimension != second.OutputDimension)
            throw new ArgumentException($"Output dimensions differ ({first.OutputDimension} and {second.OutputDimension}).", nameof(second));
        var names = first.DeviceNames.Union(second.DeviceNames, StringComparer.Ordinal).ToArray();
        var index = names.Select((n, i) => (n, i)).ToDictionary(p => p.n, p => p.i, StringComparer.Ordinal);
        var labels = first.Labels.Select(l => index[first.DeviceNames[l]]).Concat(second.Labels.Select(l => index[second.DeviceNames[l]])).ToArray();
        return new EvaluationSet([.. first.Outputs, .. second.Outputs], first.OutputDimension, labels,
            [.. first.CfoHz, .. second.CfoHz], [.. first.SnrDb, .. second.SnrDb], names);
    }
}
