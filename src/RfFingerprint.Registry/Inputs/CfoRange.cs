namespace RfFingerprint.Registry.Inputs;

/// <summary>The CFO interval (margin included) that the CFO-range rule accepts for a device, Hz.</summary>
/// <param name="LowerHz">Lower edge, Hz.</param>
/// <param name="UpperHz">Upper edge, Hz; not below <paramref name="LowerHz"/>.</param>
public readonly record struct CfoRange(double LowerHz, double UpperHz)
{
    /// <summary>True when <paramref name="cfoHz"/> lies within [LowerHz, UpperHz].</summary>
    public bool Contains(double cfoHz) => cfoHz >= LowerHz && cfoHz <= UpperHz;
}
