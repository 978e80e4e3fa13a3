using RfFingerprint.Registry.Entities;

namespace RfFingerprint.Service.Contracts;

/// <summary>One authentication event (one burst's decision) as the API returns it.</summary>
/// <param name="Id">Registry id; increases with insertion order.</param>
/// <param name="CaptureId">Capture the burst came from.</param>
/// <param name="SampleIndex">First preamble sample of the burst within the capture.</param>
/// <param name="TimeUtc">Burst time.</param>
/// <param name="DeviceId">Matched device, or null.</param>
/// <param name="Score">Matcher score, when a match was attempted.</param>
/// <param name="Verdict">Decision verdict.</param>
/// <param name="CfoHz">Estimated carrier frequency offset, Hz.</param>
/// <param name="SnrDb">Estimated SNR, dB.</param>
/// <param name="ClaimedDevAddr">DevAddr claimed by the frame (8 hex digits), or null.</param>
/// <param name="ClaimedDevEui">DevEUI claimed by a Join-request, or null.</param>
/// <param name="ModelVersionId">Model version that decided.</param>
public sealed record EventResponse(
    long Id,
    long CaptureId,
    long SampleIndex,
    DateTimeOffset TimeUtc,
    long? DeviceId,
    double? Score,
    string Verdict,
    double CfoHz,
    double SnrDb,
    string? ClaimedDevAddr,
    string? ClaimedDevEui,
    long? ModelVersionId)
{
    /// <summary>Maps a registry row (the spectrogram stays out of listings).</summary>
    public static EventResponse From(AuthenticationEvent e) => new(
        e.Id, e.CaptureId, e.SampleIndex, e.TimeUtc, e.DeviceId, e.Score, e.Verdict, e.CfoHz, e.SnrDb,
        e.ClaimedDevAddr is { } devAddr ? DeviceResponse.FormatDevAddr(devAddr) : null, e.ClaimedDevEui, e.ModelVersionId);
}
