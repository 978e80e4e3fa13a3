using MathNet.Numerics;

namespace RfFingerprint.Lora.Dsp;

/// <summary>The base chirps at one sample per chip (the receiver's decimated rate).</summary>
/// <remarks>
/// u[m] = exp(j2π(m²/(2N) − m/2)), N = 2^SF: an up-chirp from −BW/2 to +BW/2 sampled at BW. Multiplying a received up-chirp
/// by conj(u) ("dechirp") leaves a tone whose DFT bin is the chirp's shift plus the CFO in bins minus the timing offset
/// in chips; multiplying a down-chirp by u leaves CFO plus timing offset (Tapparel et al., SPAWC 2020; SIGNALS.md).
/// </remarks>
public static class ReferenceChirp
{
    /// <summary>Fills <paramref name="destination"/> (N samples) with u[m].</summary>
    public static void UpChirp(Span<Complex32> destination)
    {
        var n = destination.Length;
        for (var m = 0; m < n; m++)
        {
            var cycles = ((double)m * m / (2.0 * n)) - (m / 2.0);
            var radians = 2 * Math.PI * (cycles - Math.Floor(cycles));
            destination[m] = new Complex32((float)Math.Cos(radians), (float)Math.Sin(radians));
        }
    }

    /// <summary>Fills <paramref name="destination"/> (N samples) with conj(u[m]), the reference that dechirps up-chirps.</summary>
    public static void DownChirp(Span<Complex32> destination)
    {
        UpChirp(destination);
        for (var m = 0; m < destination.Length; m++)
        {
            destination[m] = destination[m].Conjugate();
        }
    }
}
