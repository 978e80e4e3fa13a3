using RfFingerprint.Lora.Lorawan;
using RfFingerprint.Lora.Receiver;

namespace RfFingerprint.Pipeline;

/// <summary>A burst the LoRa receiver found, with the LoRaWAN frame it carries (if it decoded) and where it came from.</summary>
/// <param name="Burst">The receiver's measurement and decoding of the burst (its preamble samples included).</param>
/// <param name="Lorawan">The parsed LoRaWAN frame; null when the payload did not decode with a good CRC.</param>
/// <param name="TimeUtc">UTC time of the burst's first preamble sample, when the source knows the stream's time.</param>
public sealed record ReceivedBurst(LoraBurst Burst, LorawanFrame? Lorawan, DateTimeOffset? TimeUtc)
{
    /// <summary>The identity the packet claims, written as operators know it (<c>DevAddr 49BE7DF1</c>, <c>DevEUI ...</c>), or null.</summary>
    public string? ClaimText => Lorawan switch
    {
        { IsLorawan: true, DevEui: { } devEui } => $"DevEUI {devEui:X16}",
        { IsLorawan: true, DevAddr: { } devAddr } => $"DevAddr {devAddr:X8}",
        _ => null,
    };
}
