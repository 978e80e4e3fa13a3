using System.Security.Cryptography;

namespace RfFingerprint.Simulation.Lorawan;

/// <summary>AES-128-CMAC (RFC 4493) over .NET's AES, for LoRaWAN message integrity codes.</summary>
public static class AesCmac
{
    private const int BlockSize = 16;

    /// <summary>Computes the 16-byte CMAC of <paramref name="message"/> under <paramref name="key"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="key"/> is not 16 bytes.</exception>
    public static byte[] Compute(ReadOnlySpan<byte> key, ReadOnlySpan<byte> message)
    {
        if (key.Length != BlockSize)
        {
            throw new ArgumentException("AES-128 keys are 16 bytes.", nameof(key));
        }

        using var aes = Aes.Create();
        aes.Key = key.ToArray();
        Span<byte> l = stackalloc byte[BlockSize];
        aes.EncryptEcb(new byte[BlockSize], l, PaddingMode.None);
        Span<byte> k1 = stackalloc byte[BlockSize];
        Span<byte> k2 = stackalloc byte[BlockSize];
        ShiftLeftXor(l, k1);
        ShiftLeftXor(k1, k2);

        int blocks = Math.Max(1, (message.Length + BlockSize - 1) / BlockSize);
        bool lastComplete = message.Length > 0 && message.Length % BlockSize == 0;
        Span<byte> state = stackalloc byte[BlockSize];
        Span<byte> block = stackalloc byte[BlockSize];
        for (int b = 0; b < blocks; b++)
        {
            var chunk = message.Slice(b * BlockSize, Math.Min(BlockSize, message.Length - (b * BlockSize)));
            block.Clear();
            chunk.CopyTo(block);
            if (b == blocks - 1)
            {
                if (!lastComplete)
                {
                    block[chunk.Length] = 0x80;
                }

                Xor(block, lastComplete ? k1 : k2);
            }

            Xor(state, block);
            aes.EncryptEcb(state, state, PaddingMode.None);
        }

        return state.ToArray();
    }

    /// <summary>Encrypts one 16-byte block with AES-128 (for LoRaWAN's payload keystream).</summary>
    public static void EncryptBlock(ReadOnlySpan<byte> key, ReadOnlySpan<byte> block, Span<byte> destination)
    {
        using var aes = Aes.Create();
        aes.Key = key.ToArray();
        aes.EncryptEcb(block, destination, PaddingMode.None);
    }

    private static void ShiftLeftXor(ReadOnlySpan<byte> input, Span<byte> output)
    {
        int carry = 0;
        for (int i = BlockSize - 1; i >= 0; i--)
        {
            int value = (input[i] << 1) | carry;
            carry = input[i] >> 7;
            output[i] = (byte)value;
        }

        if ((input[0] & 0x80) != 0)
        {
            output[BlockSize - 1] ^= 0x87;
        }
    }

    private static void Xor(Span<byte> target, ReadOnlySpan<byte> other)
    {
        for (int i = 0; i < BlockSize; i++)
        {
            target[i] ^= other[i];
        }
    }
}
