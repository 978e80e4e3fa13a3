using System.Buffers.Binary;
using System.Security.Cryptography;
using RfFingerprint.Lora.Lorawan;

namespace RfFingerprint.Simulation.Lorawan;

/// <summary>
/// Builds LoRaWAN 1.0.x Unconfirmed Data Up frames (MType 2) as an ABP device sends them: FRMPayload
/// encrypted with AppSKey (FPort &gt; 0) and a MIC computed with NwkSKey.
/// </summary>
/// <remarks>
/// PHYPayload = MHDR 0x40 | DevAddr (4, LE) | FCtrl | FCnt (2, LE) | FPort | FRMPayload | MIC (4).
/// Encryption: S_i = AES(K, 0x01 | 0⁴ | Dir=0 | DevAddr | FCnt (4, LE) | 0x00 | i), XORed onto the payload;
/// MIC = first 4 bytes of AES-CMAC(NwkSKey, B0 | msg) with B0 = 0x49 | 0⁴ | Dir=0 | DevAddr | FCnt (4, LE) | 0x00 | len(msg)
/// (LoRaWAN 1.0.3 specification, sections 4.3.3 and 4.4).
/// </remarks>
public static class LorawanUplinkBuilder
{
    /// <summary>MHDR of an Unconfirmed Data Up frame, LoRaWAN R1 major version.</summary>
    public const byte UnconfirmedDataUp = 0x40;

    /// <summary>Builds the PHYPayload.</summary>
    /// <param name="devAddr">Device address (written little-endian on air).</param>
    /// <param name="frameCounter">Uplink frame counter (32-bit; the low 16 bits go on air).</param>
    /// <param name="fPort">Application port, 1 to 223.</param>
    /// <param name="applicationPayload">Plain application data.</param>
    /// <param name="nwkSKey">16-byte network session key.</param>
    /// <param name="appSKey">16-byte application session key.</param>
    /// <param name="fCtrl">Frame control byte (ADR etc.), with no FOpts.</param>
    /// <exception cref="ArgumentOutOfRangeException">FPort outside 1..223, or a payload too long for one frame.</exception>
    public static byte[] Build(uint devAddr, uint frameCounter, byte fPort, ReadOnlySpan<byte> applicationPayload,
        ReadOnlySpan<byte> nwkSKey, ReadOnlySpan<byte> appSKey, byte fCtrl = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fPort, (byte)1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fPort, (byte)223);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(applicationPayload.Length, 222, nameof(applicationPayload));
        int messageLength = 1 + 4 + 1 + 2 + 1 + applicationPayload.Length;
        var frame = new byte[messageLength + 4];
        frame[0] = UnconfirmedDataUp;
        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(1), devAddr);
        frame[5] = (byte)(fCtrl & 0xF0);
        BinaryPrimitives.WriteUInt16LittleEndian(frame.AsSpan(6), (ushort)frameCounter);
        frame[8] = fPort;
        var payload = frame.AsSpan(9, applicationPayload.Length);
        applicationPayload.CopyTo(payload);
        Encrypt(payload, appSKey, devAddr, frameCounter);

        Span<byte> micInput = stackalloc byte[16 + messageLength];
        micInput[0] = 0x49;
        micInput.Slice(1, 4).Clear();
        micInput[5] = 0;
        BinaryPrimitives.WriteUInt32LittleEndian(micInput[6..], devAddr);
        BinaryPrimitives.WriteUInt32LittleEndian(micInput[10..], frameCounter);
        micInput[14] = 0;
        micInput[15] = (byte)messageLength;
        frame.AsSpan(0, messageLength).CopyTo(micInput[16..]);
        Span<byte> mac = stackalloc byte[16];
        AesCmac.Compute(nwkSKey, micInput, mac);
        mac[..4].CopyTo(frame.AsSpan(messageLength));
        return frame;
    }

    private static void Encrypt(Span<byte> payload, ReadOnlySpan<byte> key, uint devAddr, uint frameCounter)
    {
        // One cipher for the whole keystream: the key is the same for every block of the frame.
        using var aes = Aes.Create();
        aes.Key = key.ToArray();
        Span<byte> a = stackalloc byte[16];
        Span<byte> s = stackalloc byte[16];
        for (int i = 0; i * 16 < payload.Length; i++)
        {
            a.Clear();
            a[0] = 0x01;
            BinaryPrimitives.WriteUInt32LittleEndian(a[6..], devAddr);
            BinaryPrimitives.WriteUInt32LittleEndian(a[10..], frameCounter);
            a[15] = (byte)(i + 1);
            aes.EncryptEcb(a, s, PaddingMode.None);
            var chunk = payload.Slice(i * 16, Math.Min(16, payload.Length - (i * 16)));
            for (int j = 0; j < chunk.Length; j++)
            {
                chunk[j] ^= s[j];
            }
        }
    }
}
