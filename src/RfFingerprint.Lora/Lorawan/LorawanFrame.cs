namespace RfFingerprint.Lora.Lorawan;

/// <summary>A parsed LoRaWAN 1.0.x PHYPayload (or the verdict that a payload is not LoRaWAN).</summary>
public sealed record LorawanFrame
{
    /// <summary>False when the bytes do not form a LoRaWAN 1.0.x frame; <see cref="NotLorawanReason"/> says why.</summary>
    public bool IsLorawan { get; init; }

    /// <summary>Why the payload is not LoRaWAN; null when it is.</summary>
    public string? NotLorawanReason { get; init; }

    /// <summary>MType from MHDR.</summary>
    public LorawanMessageType MessageType { get; init; }

    /// <summary>Major version from MHDR (0 = LoRaWAN R1).</summary>
    public int Major { get; init; }

    /// <summary>Device address (sent little-endian; print with "X8" for the usual MSB-first form, e.g. 49BE7DF1).</summary>
    public uint? DevAddr { get; init; }

    /// <summary>FCtrl ADR bit.</summary>
    public bool Adr { get; init; }

    /// <summary>FCtrl ADRACKReq bit (uplink only).</summary>
    public bool AdrAckReq { get; init; }

    /// <summary>FCtrl ACK bit.</summary>
    public bool Ack { get; init; }

    /// <summary>FCtrl FPending bit (downlink only; ClassB on uplink in 1.0.2+).</summary>
    public bool FPending { get; init; }

    /// <summary>Length of FOpts, 0 to 15.</summary>
    public int FOptsLength { get; init; }

    /// <summary>16-bit frame counter as sent.</summary>
    public ushort? FCnt { get; init; }

    /// <summary>MAC commands piggybacked in the header.</summary>
    public byte[] FOpts { get; init; } = [];

    /// <summary>Port, 0 for MAC commands, null when absent.</summary>
    public int? FPort { get; init; }

    /// <summary>FRMPayload as sent (encrypted).</summary>
    public byte[] FrmPayload { get; init; } = [];

    /// <summary>FRMPayload decrypted with the session key for its port, when that key was configured.</summary>
    public byte[]? DecryptedPayload { get; init; }

    /// <summary>Join-request JoinEUI (AppEUI in 1.0), as a number (sent little-endian).</summary>
    public ulong? JoinEui { get; init; }

    /// <summary>Join-request DevEUI, as a number (sent little-endian).</summary>
    public ulong? DevEui { get; init; }

    /// <summary>Join-request DevNonce.</summary>
    public ushort? DevNonce { get; init; }

    /// <summary>Message integrity code as sent (little-endian bytes read as a number).</summary>
    public uint Mic { get; init; }

    /// <summary>Outcome of checking the MIC.</summary>
    public MicStatus MicStatus { get; init; }

    /// <summary>Whether the frame travels from device to network.</summary>
    public bool IsUplink => MessageType is LorawanMessageType.JoinRequest or LorawanMessageType.UnconfirmedDataUp or LorawanMessageType.ConfirmedDataUp;
}
