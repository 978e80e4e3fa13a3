namespace RfFingerprint.Benchmarks.Load;

/// <summary>Percentiles of a set of latencies (nearest-rank).</summary>
internal sealed class LatencySummary(IEnumerable<double> milliseconds)
{
    private readonly double[] _sorted = [.. milliseconds.Order()];

    public int Count => _sorted.Length;

    /// <summary>The nearest-rank <paramref name="percent"/>-th percentile, ms (NaN when empty).</summary>
    public double Percentile(double percent)
    {
        if (_sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(percent / 100 * _sorted.Length);
        return _sorted[Math.Clamp(rank - 1, 0, _sorted.Length - 1)];
    }

    public double Max => _sorted.Length == 0 ? double.NaN : _sorted[^1];
}
