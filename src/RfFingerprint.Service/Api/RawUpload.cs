using System.Buffers;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using MathNet.Numerics;

namespace RfFingerprint.Service.Api;

/// <summary>
/// A raw cf32 request body held in a pooled buffer (interleaved little-endian float32 I/Q), with its identity: the
/// SHA-512 of the bytes, which is also what a SigMF recording of the same samples is registered under.
/// Return the buffer with <see cref="Dispose"/>.
/// </summary>
internal sealed class RawUpload : IDisposable
{
    private byte[]? _buffer;

    private RawUpload(byte[] buffer, int length, double sampleRateHz, double centerFrequencyHz)
    {
        _buffer = buffer;
        Length = length;
        SampleRateHz = sampleRateHz;
        CenterFrequencyHz = centerFrequencyHz;
        Sha512 = Convert.ToHexStringLower(SHA512.HashData(buffer.AsSpan(0, length)));
    }

    public int Length { get; }

    public double SampleRateHz { get; }

    public double CenterFrequencyHz { get; }

    /// <summary>SHA-512 of the body, 128 lower-case hex digits.</summary>
    public string Sha512 { get; }

    public ReadOnlySpan<Complex32> Samples => MemoryMarshal.Cast<byte, Complex32>(
        (_buffer ?? throw new ObjectDisposedException(nameof(RawUpload))).AsSpan(0, Length));

    /// <summary>Reads a body of exactly <paramref name="contentLength"/> bytes.</summary>
    /// <exception cref="InvalidDataException">The body is empty, shorter than announced, or not whole I/Q pairs.</exception>
    public static async Task<RawUpload> ReadAsync(Stream body, long contentLength, double sampleRateHz, double centerFrequencyHz, CancellationToken cancellationToken)
    {
        if (contentLength <= 0)
        {
            throw new InvalidDataException("the cf32 body is empty");
        }

        if (contentLength % 8 != 0)
        {
            throw new InvalidDataException("a cf32 body must hold whole I/Q pairs of little-endian float32 (a multiple of 8 bytes)");
        }

        var length = checked((int)contentLength);
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            await body.ReadExactlyAsync(buffer.AsMemory(0, length), cancellationToken);
            return new RawUpload(buffer, length, sampleRateHz, centerFrequencyHz);
        }
        catch (EndOfStreamException ex)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw new InvalidDataException("the body ended before its Content-Length", ex);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
