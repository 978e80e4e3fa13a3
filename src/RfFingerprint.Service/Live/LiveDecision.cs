namespace RfFingerprint.Service.Live;

/// <summary>One decision on the live feed, as the dashboard receives it (one server-sent event each).</summary>
/// <param name="TimeUtc">Burst time.</param>
/// <param name="CaptureId">Registry capture the burst belongs to (0 when not recorded).</param>
/// <param name="SampleIndex">First preamble sample within the capture or stream.</param>
/// <param name="Source">The recording or stream the burst came from.</param>
/// <param name="Device">Name of the matched device, or null.</param>
/// <param name="Score">Matcher score, when a match was attempted.</param>
/// <param name="Verdict">Decision verdict.</param>
/// <param name="CfoHz">Estimated CFO, Hz.</param>
/// <param name="SnrDb">Estimated SNR, dB.</param>
/// <param name="ClaimedDevAddr">Claimed DevAddr (8 hex digits), or null.</param>
/// <param name="ClaimedDevEui">Claimed DevEUI, or null.</param>
/// <param name="ModelVersion">Model version that decided.</param>
public sealed record LiveDecision(
    DateTimeOffset TimeUtc,
    long CaptureId,
    long SampleIndex,
    string Source,
    string? Device,
    double? Score,
    string Verdict,
    double CfoHz,
    double SnrDb,
    string? ClaimedDevAddr,
    string? ClaimedDevEui,
    string ModelVersion);
