using System.Globalization;
using RfFingerprint.Pipeline.UseCases;

namespace RfFingerprint.Service.Contracts;

/// <summary>The decision for one burst of an authenticated upload.</summary>
/// <param name="SampleIndex">First preamble sample within the upload.</param>
/// <param name="TimeUtc">Burst time, when the recording carries one.</param>
/// <param name="SpreadingFactor">LoRa spreading factor.</param>
/// <param name="CfoHz">Estimated carrier frequency offset, Hz.</param>
/// <param name="SnrDb">Estimated SNR, dB.</param>
/// <param name="CrcOk">Payload CRC result, when the frame had one.</param>
/// <param name="ClaimedDevAddr">DevAddr the frame claims (8 hex digits), or null.</param>
/// <param name="ClaimedDevEui">DevEUI a Join-request claims, or null.</param>
/// <param name="Verdict">authenticated, unknown_device, identity_mismatch, cfo_out_of_range or undecodable.</param>
/// <param name="Device">Name of the matched device, or null.</param>
/// <param name="Score">Matcher score, when a match was attempted.</param>
/// <param name="IdentityAgrees">Whether the claimed identity belongs to the matched device, when both are known.</param>
/// <param name="Reason">One line saying why.</param>
/// <param name="ModelVersion">Model that decided.</param>
public sealed record DecisionResponse(
    long SampleIndex,
    DateTimeOffset? TimeUtc,
    int SpreadingFactor,
    double CfoHz,
    double SnrDb,
    bool? CrcOk,
    string? ClaimedDevAddr,
    string? ClaimedDevEui,
    string Verdict,
    string? Device,
    double? Score,
    bool? IdentityAgrees,
    string Reason,
    string ModelVersion)
{
    /// <summary>Maps a pipeline decision (non-finite measurements become 0 / null: JSON has no NaN).</summary>
    public static DecisionResponse From(BurstDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var received = decision.Burst.Received;
        var burst = received.Burst;
        var frame = received.Lorawan;
        return new DecisionResponse(
            burst.SampleStart,
            received.TimeUtc,
            burst.SpreadingFactor,
            double.IsFinite(burst.CfoHz) ? burst.CfoHz : 0,
            double.IsFinite(burst.SnrDb) ? burst.SnrDb : 0,
            burst.CrcOk,
            frame is { IsLorawan: true, DevAddr: { } devAddr } ? DeviceResponse.FormatDevAddr(devAddr) : null,
            frame is { IsLorawan: true, DevEui: { } devEui } ? devEui.ToString("X16", CultureInfo.InvariantCulture) : null,
            decision.VerdictText,
            decision.Decision.DeviceId,
            double.IsFinite(decision.Decision.Score) ? decision.Decision.Score : null,
            decision.Decision.IdentityAgrees,
            decision.Decision.Reason,
            decision.Decision.ModelVersion);
    }
}

/// <summary>What <c>POST /api/v1/authenticate</c> found.</summary>
/// <param name="Bursts">Bursts decided.</param>
/// <param name="Decisions">One decision per burst, in stream order (at most the first 10 000).</param>
public sealed record AuthenticateResponse(int Bursts, IReadOnlyList<DecisionResponse> Decisions);
