namespace RfFingerprint.Fingerprinting.Decisions;

/// <summary>The CFO-range part of a decision.</summary>
/// <param name="CfoHz">The burst's estimated CFO, in Hz (NaN if unknown).</param>
/// <param name="Range">The range of the decided (or nearest) device, as it was before this burst; null without one.</param>
/// <param name="InRange">Whether <see cref="CfoHz"/> is in <see cref="Range"/>; null without a range or a finite CFO.</param>
/// <param name="RuledOut">Devices the CFO rule removed from the candidates, best fingerprint match first.</param>
/// <param name="UpdatedRange">The decided device's range after drift tracking (authenticated bursts only); persist it.</param>
public sealed record CfoCheck(double CfoHz, CfoRange? Range, bool? InRange, IReadOnlyList<string> RuledOut, CfoRange? UpdatedRange);
