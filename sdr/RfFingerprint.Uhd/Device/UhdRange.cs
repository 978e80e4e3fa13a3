namespace RfFingerprint.Uhd.Device;

/// <summary>Overall range of a setting (<c>uhd_meta_range_start/stop/step</c>); a step of 0 means continuous.</summary>
/// <param name="Start">Smallest value.</param>
/// <param name="Stop">Largest value.</param>
/// <param name="Step">Granularity.</param>
public readonly record struct UhdRange(double Start, double Stop, double Step);
