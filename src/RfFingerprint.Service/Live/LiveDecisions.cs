using RfFingerprint.Pipeline.UseCases;
using RfFingerprint.Service.Contracts;

namespace RfFingerprint.Service.Live;

/// <summary>Maps the pipeline's decisions onto the live feed's shape.</summary>
public static class LiveDecisions
{
    /// <summary>The live view of one decided burst.</summary>
    public static LiveDecision From(BurstDecision decision, long? captureId)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var received = decision.Burst.Received;
        var frame = received.Lorawan;
        return new LiveDecision(
            received.TimeUtc ?? DateTimeOffset.UtcNow,
            captureId ?? 0,
            received.Burst.SampleStart,
            decision.Capture,
            decision.Decision.DeviceId,
            double.IsFinite(decision.Decision.Score) ? decision.Decision.Score : null,
            decision.VerdictText,
            double.IsFinite(received.Burst.CfoHz) ? received.Burst.CfoHz : 0,
            double.IsFinite(received.Burst.SnrDb) ? received.Burst.SnrDb : 0,
            frame is { IsLorawan: true, DevAddr: { } devAddr } ? DeviceResponse.FormatDevAddr(devAddr) : null,
            frame is { IsLorawan: true, DevEui: { } devEui } ? devEui.ToString("X16", System.Globalization.CultureInfo.InvariantCulture) : null,
            decision.Decision.ModelVersion);
    }
}
