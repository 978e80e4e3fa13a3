using System.Runtime.InteropServices;
using MathNet.Numerics;
using RfFingerprint.Sdr.SigMF;
using RfFingerprint.Simulation;

namespace RfFingerprint.Benchmarks.Load;

/// <summary>
/// Single-burst request bodies: each annotated burst of simulated recordings cut out with a little noise on either side,
/// as raw little-endian cf32 (what <c>POST /api/v1/authenticate</c> takes with <c>X-Sample-Rate-Hz</c>).
/// </summary>
internal static class BurstBodies
{
    /// <summary>The bursts of <paramref name="recordings"/>, each with <paramref name="marginSeconds"/> of noise before and after.</summary>
    public static IReadOnlyList<Complex32[]> Cut(SimulationResult recordings, double marginSeconds)
    {
        var bursts = new List<Complex32[]>();
        foreach (var simulated in recordings.Recordings)
        {
            using var recording = SigMFRecording.Open(simulated.MetaPath);
            var margin = (long)(marginSeconds * recording.SampleRateHz!.Value);
            foreach (var annotation in recording.Metadata.Annotations)
            {
                if (annotation.SampleCount is not { } count)
                {
                    continue;
                }

                var start = Math.Max(0, annotation.SampleStart - margin);
                var end = Math.Min(recording.SampleCount, annotation.SampleStart + count + margin);
                bursts.Add(recording.ReadSamples(start, (int)(end - start)));
            }
        }

        return bursts;
    }

    /// <summary>
    /// The body of request <paramref name="index"/>: burst <c>index mod count</c> with its last sample (noise, after the
    /// burst) replaced by a value derived from <paramref name="index"/>, so every request is a distinct capture (its
    /// SHA-512 differs) while the burst itself is untouched.
    /// </summary>
    public static byte[] Body(IReadOnlyList<Complex32[]> bursts, long index)
    {
        var burst = bursts[(int)(index % bursts.Count)];
        var body = new byte[burst.Length * 8];
        MemoryMarshal.AsBytes(burst.AsSpan()).CopyTo(body);
        var samples = MemoryMarshal.Cast<byte, Complex32>(body.AsSpan());
        samples[^1] = new Complex32((float)(index % 1_000_003) * 1e-9f, (float)(index / 1_000_003) * 1e-9f);
        return body;
    }
}
