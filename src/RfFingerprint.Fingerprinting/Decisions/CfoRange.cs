namespace RfFingerprint.Fingerprinting.Decisions;

/// <summary>The CFO values, in Hz, a device is believed to transmit with: [LowerHz, UpperHz] around CenterHz.</summary>
/// <param name="CenterHz">The tracked centre (starts at the enrolment mean).</param>
/// <param name="LowerHz">Lowest accepted CFO.</param>
/// <param name="UpperHz">Highest accepted CFO.</param>
public readonly record struct CfoRange(double CenterHz, double LowerHz, double UpperHz)
{
    /// <summary>UpperHz - LowerHz.</summary>
    public double WidthHz => UpperHz - LowerHz;

    /// <summary>True when LowerHz &lt;= cfoHz &lt;= UpperHz (false for NaN).</summary>
    public bool Contains(double cfoHz) => cfoHz >= LowerHz && cfoHz <= UpperHz;

    /// <summary>The range of enrolment statistics, as <see cref="CfoRangeOptions"/> defines it.</summary>
    public static CfoRange FromStatistics(CfoStatistics statistics, CfoRangeOptions options)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        ArgumentNullException.ThrowIfNull(options);
        double halfWidth = Math.Max(options.StdMultiplier * statistics.StdHz, options.MarginHz);
        return new CfoRange(
            statistics.MeanHz,
            Math.Min(statistics.MeanHz - halfWidth, statistics.MinHz),
            Math.Max(statistics.MeanHz + halfWidth, statistics.MaxHz));
    }

    /// <summary>
    /// The range after an authenticated burst with <paramref name="cfoHz"/>: shifted (width kept) by
    /// clamp(DriftSmoothing * (cfoHz - CenterHz), +-MaxDriftStepHz). A non-finite CFO leaves it unchanged.
    /// </summary>
    public CfoRange Track(double cfoHz, CfoRangeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!double.IsFinite(cfoHz))
            return this;
        double step = Math.Clamp(options.DriftSmoothing * (cfoHz - CenterHz), -options.MaxDriftStepHz, options.MaxDriftStepHz);
        return new CfoRange(CenterHz + step, LowerHz + step, UpperHz + step);
    }
}
