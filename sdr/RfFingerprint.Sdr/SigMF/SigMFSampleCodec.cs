using System.Buffers.Binary;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using MathNet.Numerics;

namespace RfFingerprint.Sdr.SigMF;

/// <summary>Converts between raw SigMF sample bytes and <see cref="Complex32"/> samples.</summary>
/// <remarks>
/// Integer scaling: signed b-bit v decodes to v / 2^(b-1) * fullScale, cu8 u to (u - 128) / 128 * fullScale;
/// encoding is the inverse, rounded to nearest and saturated, so a round trip is exact to within half a
/// quantisation step (fullScale / 2^b) for amplitudes inside the full scale.
/// </remarks>
internal static class SigMFSampleCodec
{
    /// <summary>Decodes <paramref name="source"/> (a whole number of samples) into <paramref name="destination"/>.</summary>
    public static void Decode(SigMFDatatype datatype, ReadOnlySpan<byte> source, Span<Complex32> destination, float fullScale)
    {
        int samples = source.Length / datatype.BytesPerSample;
        var floats = MemoryMarshal.Cast<Complex32, float>(destination[..samples]);
        switch (datatype.ComponentType)
        {
            case SigMFComponentType.Float32:
                {
                    var raw = MemoryMarshal.Cast<byte, int>(source);
                    var bits = MemoryMarshal.Cast<float, int>(floats);
                    if (datatype.IsBigEndian == BitConverter.IsLittleEndian)
                    {
                        BinaryPrimitives.ReverseEndianness(raw, bits);
                    }
                    else
                    {
                        raw.CopyTo(bits);
                    }

                    if (fullScale != 1f)
                    {
                        TensorPrimitives.Multiply(floats, fullScale, floats);
                    }

                    break;
                }

            case SigMFComponentType.Int16:
                {
                    var raw = MemoryMarshal.Cast<byte, short>(source);
                    var scale = fullScale / 32768f;
                    if (datatype.IsBigEndian == BitConverter.IsLittleEndian)
                    {
                        for (int i = 0; i < raw.Length; i++)
                        {
                            floats[i] = BinaryPrimitives.ReverseEndianness(raw[i]) * scale;
                        }
                    }
                    else
                    {
                        WidenAndScale(raw, floats, scale);
                    }

                    break;
                }

            case SigMFComponentType.Int8:
                TensorPrimitives.ConvertChecked(MemoryMarshal.Cast<byte, sbyte>(source), floats);
                TensorPrimitives.Multiply(floats, fullScale / 128f, floats);
                break;

            case SigMFComponentType.UInt8:
                TensorPrimitives.ConvertChecked(source, floats);
                TensorPrimitives.Subtract(floats, 128f, floats);
                TensorPrimitives.Multiply(floats, fullScale / 128f, floats);
                break;

            default:
                throw new NotSupportedException($"Component type {datatype.ComponentType} is not supported.");
        }
    }

    // ci16 is what the capture worker records, so decoding it is on every replay's path. TensorPrimitives.ConvertChecked
    // has no vectorised short -> float path (a replay profile showed its scalar fallback plus the separate scaling pass at
    // about 5 % of the CPU time); widening, converting and scaling one vector at a time reads the samples once.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WidenAndScale(ReadOnlySpan<short> source, Span<float> destination, float scale)
    {
        ref var s0 = ref MemoryMarshal.GetReference(source);
        ref var d0 = ref MemoryMarshal.GetReference(destination);
        var i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var gain = Vector512.Create(scale);
            for (; i + Vector512<short>.Count <= source.Length; i += Vector512<short>.Count)
            {
                var (lower, upper) = Vector512.Widen(Vector512.LoadUnsafe(ref s0, (nuint)i));
                (Vector512.ConvertToSingle(lower) * gain).StoreUnsafe(ref d0, (nuint)i);
                (Vector512.ConvertToSingle(upper) * gain).StoreUnsafe(ref d0, (nuint)(i + Vector512<int>.Count));
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            var gain = Vector256.Create(scale);
            for (; i + Vector256<short>.Count <= source.Length; i += Vector256<short>.Count)
            {
                var (lower, upper) = Vector256.Widen(Vector256.LoadUnsafe(ref s0, (nuint)i));
                (Vector256.ConvertToSingle(lower) * gain).StoreUnsafe(ref d0, (nuint)i);
                (Vector256.ConvertToSingle(upper) * gain).StoreUnsafe(ref d0, (nuint)(i + Vector256<int>.Count));
            }
        }

        for (; i < source.Length; i++)
        {
            Unsafe.Add(ref d0, i) = Unsafe.Add(ref s0, i) * scale;
        }
    }

    /// <summary>Encodes <paramref name="source"/> into <paramref name="destination"/> (at least source.Length * BytesPerSample bytes).</summary>
    public static void Encode(SigMFDatatype datatype, ReadOnlySpan<Complex32> source, Span<byte> destination, float fullScale)
    {
        var floats = MemoryMarshal.Cast<Complex32, float>(source);
        bool swap = datatype.IsBigEndian == BitConverter.IsLittleEndian;
        switch (datatype.ComponentType)
        {
            case SigMFComponentType.Float32:
                {
                    var bits = MemoryMarshal.Cast<byte, int>(destination[..(floats.Length * 4)]);
                    var floatBits = MemoryMarshal.Cast<byte, float>(destination[..(floats.Length * 4)]);
                    if (fullScale != 1f)
                    {
                        TensorPrimitives.Divide(floats, fullScale, floatBits);
                    }
                    else
                    {
                        floats.CopyTo(floatBits);
                    }

                    if (swap)
                    {
                        BinaryPrimitives.ReverseEndianness(bits, bits);
                    }

                    break;
                }

            case SigMFComponentType.Int16:
                {
                    var raw = MemoryMarshal.Cast<byte, short>(destination[..(floats.Length * 2)]);
                    float gain = 32768f / fullScale;
                    for (int i = 0; i < floats.Length; i++)
                    {
                        short value = (short)Math.Clamp(MathF.Round(floats[i] * gain), short.MinValue, short.MaxValue);
                        raw[i] = swap ? BinaryPrimitives.ReverseEndianness(value) : value;
                    }

                    break;
                }

            case SigMFComponentType.Int8:
                {
                    float gain = 128f / fullScale;
                    for (int i = 0; i < floats.Length; i++)
                    {
                        destination[i] = (byte)(sbyte)Math.Clamp(MathF.Round(floats[i] * gain), sbyte.MinValue, sbyte.MaxValue);
                    }

                    break;
                }

            case SigMFComponentType.UInt8:
                {
                    float gain = 128f / fullScale;
                    for (int i = 0; i < floats.Length; i++)
                    {
                        destination[i] = (byte)Math.Clamp(MathF.Round(floats[i] * gain) + 128f, byte.MinValue, byte.MaxValue);
                    }

                    break;
                }

            default:
                throw new NotSupportedException($"Component type {datatype.ComponentType} is not supported.");
        }
    }
}
