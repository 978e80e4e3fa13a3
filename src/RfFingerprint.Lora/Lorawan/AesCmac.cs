using System.Security.Cryptography;

namespace RfFingerprint.Lora.Lorawan;

/// <summary>AES-128-CMAC (RFC 4493) built on .NET's AES block cipher, as LoRaWAN uses it for the MIC.</summary>
public static class AesCmac
{
    private const int BlockSize = 16;

    /// <summary>Computes the 16-byte CMAC of <paramref name="message"/> under <paramref name="key"/> into <paramref name="mac"/>.</summary>
    /// <exception cref="ArgumentException">Key is not 16 bytes or the destination is shorter than 16 bytes.</exception>
    public static void Compute(ReadOnlySpan<byte> key, ReadOnlySpan<byte> message, Span<byte> mac)
    {
        if (key.Length != BlockSize)
        {
            throw new ArgumentException("AES-128-CMAC needs a 16-byte key.", nameof(key));
        }

        if (mac.Length < BlockSize)
        {
            throw new ArgumentException("The CMAC is 16 bytes.", nameof(mac));
        }

        using var aes = Aes.Create();
        aes.Key = key.ToArray();

        // Subkeys K1, K2 from L = AES(K, 0^128) by doubling in GF(2^128) (RFC 4493 section 2.3).
        Span<byte> l = stackalloc byte[BlockSize];
        Span<byte> k1 = stackalloc byte[BlockSize];
        Span<byte> k2 = stackalloc byte[BlockSize];
        l.Clear();
        aes.EncryptEcb(l, l, PaddingMode.None);
        Double(l, k1);
        Double(k1, k2);

        var blocks = Math.Max(1, (message.Length + BlockSize - 1) / BlockSize);
        var lastComplete = message.Length > 0 && message.Length % BlockSize == 0;
        Span<byte> state = stackalloc byte[BlockSize];
        Span<byte> last = stackalloc byte[BlockSize];
        state.Clear();
        last.Clear();

        var lastStart = (blocks - 1) * BlockSize;
        var tail = message[lastStart..];
        tail.CopyTo(last);
        if (!lastComplete)
        {
            last[tail.Length] = 0x80;
        }

        var subkey = lastComplete ? k1 : k2;
        for (var i = 0; i < BlockSize; i++)
        {
            last[i] ^= subkey[i];
        }

        for (var b = 0; b < blocks - 1; b++)
        {
            var block = message.Slice(b * BlockSize, BlockSize);
            for (var i = 0; i < BlockSize; i++)
            {
                state[i] ^= block[i];
            }

            aes.EncryptEcb(state, state, PaddingMode.None);
        }

        for (var i = 0; i < BlockSize; i++)
        {
            state[i] ^= last[i];
        }

        aes.EncryptEcb(state, mac[..BlockSize], PaddingMode.None);
    }

    private static void Double(ReadOnlySpan<byte> input, Span<byte> output)
    {
        var carry = 0;
        for (var i = BlockSize - 1; i >= 0; i--)
        {
            var next = input[i] >> 7;
            output[i] = (byte)((input[i] << 1) | carry);
            carry = next;
        }

        if ((input[0] & 0x80) != 0)
        {
            output[BlockSize - 1] ^= 0x87;
        }
    }
}
