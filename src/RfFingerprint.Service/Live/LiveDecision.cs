using RfFingerprint.Registry.Inputs;
using RfFingerprint.Service.Contracts;

namespace RfFingerprint.Service.Live;

/// <summary>One decision on the live feed, as the dashboard receives it (one server-sent event each).</summary>
/// <param name="TimeUtc">Burst time.</param>
/// <param name="CaptureId">Capture (or live session) the burst belongs to.</param>
/// <param name="SampleIndex">First preamble sample within the capture.</param>
/// <param name="DeviceId">Matched device, or null.</param>
/// <param name="Score">Matcher score, when a match was attempted.</param>
/// <param name="Verdict">Decision verdict.</param>
/// <param name="CfoHz">Estimated CFO, Hz.</param>
/// <param name="SnrDb">Estimated SNR, dB.</param>
/// <param name="ClaimedDevAddr">Claimed DevAddr (8 hex digits), or null.</param>
/// <param name="ClaimedDevEui">Claimed DevEUI, or null.</param>
/// <param name="ModelVersionId">Model version that decided.</param>
public sealed record LiveDecision(
    DateTimeOffset TimeUtc,
    long CaptureId,
    long SampleIndex,
    long? DeviceId,
    double? Score,
    string Verdict,
    double CfoHz,
    double SnrDb,
    string? ClaimedDevAddr,
    string? ClaimedDevEui,
    long? ModelVersionId)
{
    /// <summary>The live view of an event about to be (or just) written to the registry.</summary>
    public static LiveDecision From(AuthenticationEventData e) => new(
        e.TimeUtc, e.CaptureId, e.SampleIndex, e.DeviceId, e.Score, e.Verdict, e.CfoHz, e.SnrDb,
        e.ClaimedDevAddr is { } devAddr ? DeviceResponse.FormatDevAddr(devAddr) : null, e.ClaimedDevEui, e.ModelVersionId);
}
