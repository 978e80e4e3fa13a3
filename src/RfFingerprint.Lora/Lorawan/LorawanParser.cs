using System.Buffers.Binary;
using System.Security.Cryptography;

namespace RfFingerprint.Lora.Lorawan;

/// <summary>Parses LoRaWAN 1.0.x PHYPayloads and checks their MIC when keys are given.</summary>
/// <remarks>
/// PHYPayload = MHDR | MACPayload | MIC(4). Data frames: DevAddr(4) | FCtrl(1) | FCnt(2) | FOpts(FOptsLen) | [FPort | FRMPayload].
/// Join-request: JoinEUI(8) | DevEUI(8) | DevNonce(2). Multi-byte fields are little-endian (LoRaWAN 1.0.2 §4).
/// Data MIC = AES-CMAC(NwkSKey, B0 | msg)[0..3] with B0 = 49 00 00 00 00 Dir DevAddr FCnt32 00 len(msg);
/// join-request MIC = AES-CMAC(AppKey, MHDR | JoinEUI | DevEUI | DevNonce)[0..3]; FRMPayload is AES-CTR-like with
/// blocks A_i = 01 00 00 00 00 Dir DevAddr FCnt32 00 i (§4.3.3, §4.4).
/// A payload that cannot be LoRaWAN (too short, unknown major version, inconsistent lengths) is reported with
/// <see cref="LorawanFrame.IsLorawan"/> false, never by throwing.
/// </remarks>
public static class LorawanParser
{
    private const int MicLength = 4;
    private const int JoinRequestLength = 23;

    /// <summary>Parses <paramref name="phyPayload"/>; with <paramref name="keys"/> checks the MIC and decrypts FRMPayload.</summary>
    public static LorawanFrame Parse(ReadOnlySpan<byte> phyPayload, LorawanKeys? keys = null)
    {
        if (phyPayload.Length < 1 + MicLength)
        {
            return NotLorawan("shorter than MHDR + MIC");
        }

        var mhdr = phyPayload[0];
        var type = (LorawanMessageType)(mhdr >> 5);
        var major = mhdr & 0x3;
        if (major != 0)
        {
            return NotLorawan($"major version {major} is not LoRaWAN R1");
        }

        var mic = BinaryPrimitives.ReadUInt32LittleEndian(phyPayload[^MicLength..]);
        return type switch
        {
            LorawanMessageType.JoinRequest => ParseJoinRequest(phyPayload, mic, keys),
            LorawanMessageType.JoinAccept => phyPayload.Length is 17 or 33
                ? new LorawanFrame { IsLorawan = true, MessageType = type, Mic = mic, MicStatus = MicStatus.NotApplicable, FrmPayload = phyPayload[1..].ToArray() }
                : NotLorawan($"join-accept of {phyPayload.Length} bytes (expected 17 or 33)"),
            LorawanMessageType.Proprietary => new LorawanFrame { IsLorawan = true, MessageType = type, Mic = mic, MicStatus = MicStatus.NotApplicable, FrmPayload = phyPayload[1..^MicLength].ToArray() },
            LorawanMessageType.Rfu => NotLorawan("MType 6 is reserved in LoRaWAN 1.0"),
            _ => ParseData(phyPayload, type, mic, keys),
        };
    }

    private static LorawanFrame ParseJoinRequest(ReadOnlySpan<byte> frame, uint mic, LorawanKeys? keys)
    {
        if (frame.Length != JoinRequestLength)
        {
            return NotLorawan($"join-request of {frame.Length} bytes (expected 23)");
        }

        var status = MicStatus.Unverified;
        if (keys?.ApplicationKey is { } appKey)
        {
            Span<byte> cmac = stackalloc byte[16];
            AesCmac.Compute(appKey, frame[..^MicLength], cmac);
            status = BinaryPrimitives.ReadUInt32LittleEndian(cmac) == mic ? MicStatus.Valid : MicStatus.Invalid;
        }

        return new LorawanFrame
        {
            IsLorawan = true,
            MessageType = LorawanMessageType.JoinRequest,
            JoinEui = BinaryPrimitives.ReadUInt64LittleEndian(frame[1..9]),
            DevEui = BinaryPrimitives.ReadUInt64LittleEndian(frame[9..17]),
            DevNonce = BinaryPrimitives.ReadUInt16LittleEndian(frame[17..19]),
            Mic = mic,
            MicStatus = status,
        };
    }

    private static LorawanFrame ParseData(ReadOnlySpan<byte> frame, LorawanMessageType type, uint mic, LorawanKeys? keys)
    {
        const int headerEnd = 1 + 4 + 1 + 2;
        if (frame.Length < headerEnd + MicLength)
        {
            return NotLorawan($"data frame of {frame.Length} bytes is shorter than MHDR + FHDR + MIC (12)");
        }

        var devAddr = BinaryPrimitives.ReadUInt32LittleEndian(frame[1..5]);
        var fctrl = frame[5];
        var fcnt = BinaryPrimitives.ReadUInt16LittleEndian(frame[6..8]);
        var foptsLength = fctrl & 0xF;
        var macEnd = frame.Length - MicLength;
        if (headerEnd + foptsLength > macEnd)
        {
            return NotLorawan($"FOptsLen {foptsLength} runs past the MIC");
        }

        var fopts = frame.Slice(headerEnd, foptsLength).ToArray();
        int? fport = null;
        var frmPayload = Array.Empty<byte>();
        var position = headerEnd + foptsLength;
        if (position < macEnd)
        {
            fport = frame[position];
            frmPayload = frame[(position + 1)..macEnd].ToArray();
            if (fport == 0 && foptsLength > 0)
            {
                return NotLorawan("FPort 0 with FOpts present");
            }
        }

        var uplink = type is LorawanMessageType.UnconfirmedDataUp or LorawanMessageType.ConfirmedDataUp;
        var direction = (byte)(uplink ? 0 : 1);
        var fcnt32 = ((uint)(keys?.FrameCounterHigh ?? 0) << 16) | fcnt;
        var status = MicStatus.Unverified;
        if (keys?.NetworkSessionKey is { } nwkSKey)
        {
            var message = frame[..macEnd];
            var b0 = new byte[16 + message.Length];
            FillBlock(b0, 0x49, direction, devAddr, fcnt32, (byte)message.Length);
            message.CopyTo(b0.AsSpan(16));
            Span<byte> cmac = stackalloc byte[16];
            AesCmac.Compute(nwkSKey, b0, cmac);
            status = BinaryPrimitives.ReadUInt32LittleEndian(cmac) == mic ? MicStatus.Valid : MicStatus.Invalid;
        }

        var payloadKey = fport == 0 ? keys?.NetworkSessionKey : keys?.ApplicationSessionKey;
        var decrypted = fport is not null && payloadKey is not null ? Decrypt(payloadKey, frmPayload, direction, devAddr, fcnt32) : null;

        return new LorawanFrame
        {
            IsLorawan = true,
            MessageType = type,
            DevAddr = devAddr,
            Adr = (fctrl & 0x80) != 0,
            AdrAckReq = uplink && (fctrl & 0x40) != 0,
            Ack = (fctrl & 0x20) != 0,
            FPending = (fctrl & 0x10) != 0,
            FOptsLength = foptsLength,
            FCnt = fcnt,
            FOpts = fopts,
            FPort = fport,
            FrmPayload = frmPayload,
            DecryptedPayload = decrypted,
            Mic = mic,
            MicStatus = status,
        };
    }

    private static byte[] Decrypt(byte[] key, byte[] payload, byte direction, uint devAddr, uint fcnt32)
    {
        using var aes = Aes.Create();
        aes.Key = key;
        var output = new byte[payload.Length];
        Span<byte> block = stackalloc byte[16];
        for (var offset = 0; offset < payload.Length; offset += 16)
        {
            FillBlock(block, 0x01, direction, devAddr, fcnt32, (byte)((offset / 16) + 1));
            aes.EncryptEcb(block, block, PaddingMode.None);
            for (var i = 0; i < 16 && offset + i < payload.Length; i++)
            {
                output[offset + i] = (byte)(payload[offset + i] ^ block[i]);
            }
        }

        return output;
    }

    private static void FillBlock(Span<byte> block, byte tag, byte direction, uint devAddr, uint fcnt32, byte last)
    {
        block[..16].Clear();
        block[0] = tag;
        block[5] = direction;
        BinaryPrimitives.WriteUInt32LittleEndian(block[6..10], devAddr);
        BinaryPrimitives.WriteUInt32LittleEndian(block[10..14], fcnt32);
        block[15] = last;
    }

    private static LorawanFrame NotLorawan(string reason) => new() { IsLorawan = false, NotLorawanReason = reason, MicStatus = MicStatus.NotApplicable };
}
