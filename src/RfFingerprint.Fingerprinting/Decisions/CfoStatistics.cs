namespace RfFingerprint.Fingerprinting.Decisions;

/// <summary>CFO statistics of a device's enrolment bursts, in Hz (sample standard deviation; 0 for a single burst).</summary>
public sealed record CfoStatistics(double MeanHz, double StdHz, double MinHz, double MaxHz, int Count)
{
    /// <summary>Computes the statistics of <paramref name="cfoHz"/>.</summary>
    /// <exception cref="ArgumentException">No values, or a value is not finite.</exception>
    public static CfoStatistics FromSamples(ReadOnlySpan<double> cfoHz)
    {
        if (cfoHz.IsEmpty)
            throw new ArgumentException("At least one CFO value is needed.", nameof(cfoHz));
        double sum = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (double c in cfoHz)
        {
            if (!double.IsFinite(c))
                throw new ArgumentException($"CFO values must be finite, got {c}.", nameof(cfoHz));
            sum += c;
            min = Math.Min(min, c);
            max = Math.Max(max, c);
        }

        double mean = sum / cfoHz.Length;
        double squares = 0;
        foreach (double c in cfoHz)
            squares += (c - mean) * (c - mean);
        double std = cfoHz.Length > 1 ? Math.Sqrt(squares / (cfoHz.Length - 1)) : 0;
        return new CfoStatistics(mean, std, min, max, cfoHz.Length);
    }
}
