using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace RfFingerprint.Registry.Inputs;

/// <summary>Encoding of embeddings in the registry: consecutive IEEE-754 float32 values, little-endian.</summary>
public static class EmbeddingBlob
{
    /// <summary>Encodes <paramref name="values"/> as 4 bytes per value, little-endian.</summary>
    public static byte[] Encode(ReadOnlySpan<float> values)
    {
        var bytes = new byte[values.Length * sizeof(float)];
        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.AsBytes(values).CopyTo(bytes);
        }
        else
        {
            for (var i = 0; i < values.Length; i++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), values[i]);
            }
        }

        return bytes;
    }

    /// <summary>Decodes a blob written by <see cref="Encode"/>.</summary>
    /// <exception cref="ArgumentException">The length is not a multiple of 4.</exception>
    public static float[] Decode(ReadOnlySpan<byte> blob)
    {
        if (blob.Length % sizeof(float) != 0)
        {
            throw new ArgumentException($"Embedding blob length {blob.Length} is not a multiple of 4.", nameof(blob));
        }

        var values = new float[blob.Length / sizeof(float)];
        if (BitConverter.IsLittleEndian)
        {
            blob.CopyTo(MemoryMarshal.AsBytes(values.AsSpan()));
        }
        else
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = BinaryPrimitives.ReadSingleLittleEndian(blob[(i * sizeof(float))..]);
            }
        }

        return values;
    }
}
