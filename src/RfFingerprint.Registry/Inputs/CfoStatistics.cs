namespace RfFingerprint.Registry.Inputs;

/// <summary>Summary of the carrier frequency offsets measured over a device's enrolment bursts.</summary>
/// <param name="MeanHz">Mean CFO, Hz.</param>
/// <param name="StdHz">Standard deviation, Hz (population or sample: as computed by the caller).</param>
/// <param name="MinHz">Smallest CFO, Hz.</param>
/// <param name="MaxHz">Largest CFO, Hz.</param>
/// <param name="Count">Number of bursts summarised.</param>
public readonly record struct CfoStatistics(double MeanHz, double StdHz, double MinHz, double MaxHz, long Count);
