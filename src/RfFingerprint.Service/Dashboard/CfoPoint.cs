namespace RfFingerprint.Service.Dashboard;

/// <summary>One burst on a device's CFO drift chart.</summary>
/// <param name="EventId">Event id.</param>
/// <param name="TimeUtc">Burst time.</param>
/// <param name="CfoHz">Measured CFO, Hz.</param>
/// <param name="Verdict">Decision verdict.</param>
public sealed record CfoPoint(long EventId, DateTimeOffset TimeUtc, double CfoHz, string Verdict);
