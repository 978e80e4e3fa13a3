using MathNet.Numerics;

namespace RfFingerprint.Simulation.Channel;

/// <summary>Applies a <see cref="MultipathParameters"/> realisation to a burst.</summary>
/// <remarks>
/// Path delays are far below a sample at LoRa sample rates, so each path is a windowed-sinc fractional delay
/// (taps −<see cref="HalfSpan"/> … +HalfSpan + the largest integer delay, Blackman window). Path gains rotate with
/// their Doppler; the combined filter is recomputed every <see cref="UpdateSamples"/> samples, which is exact
/// enough because 10 Hz of Doppler turns a path by 0.016 rad in 256 µs.
/// The output has the same length and alignment as the input (the zero-delay path is not delayed).
/// </remarks>
public static class MultipathChannel
{
    /// <summary>Taps on each side of a path's delay.</summary>
    public const int HalfSpan = 6;

    /// <summary>Samples between recomputations of the Doppler-rotated filter.</summary>
    public const int UpdateSamples = 256;

    /// <summary>Filters <paramref name="input"/> into <paramref name="output"/> (same length, distinct spans).</summary>
    /// <param name="input">Burst samples.</param>
    /// <param name="output">Destination, at least as long as the input.</param>
    /// <param name="channel">The channel realisation.</param>
    /// <param name="sampleRateHz">Sample rate.</param>
    /// <param name="startSeconds">Time of <c>input[0]</c> for the Doppler phase.</param>
    public static void Apply(ReadOnlySpan<Complex32> input, Span<Complex32> output, MultipathParameters channel, double sampleRateHz, double startSeconds = 0)
    {
        ArgumentNullException.ThrowIfNull(channel);
        if (output.Length < input.Length)
        {
            throw new ArgumentException("Output must be at least as long as the input.", nameof(output));
        }

        int maxDelay = (int)Math.Ceiling(channel.Paths.Max(p => p.DelaySeconds) * sampleRateHz);
        int first = -HalfSpan;
        int tapCount = (2 * HalfSpan) + maxDelay + 1;
        var pathTaps = new double[channel.Paths.Count][];
        for (int p = 0; p < channel.Paths.Count; p++)
        {
            pathTaps[p] = FractionalDelay(channel.Paths[p].DelaySeconds * sampleRateHz, first, tapCount);
        }

        Span<Complex32> taps = stackalloc Complex32[tapCount];
        for (int blockStart = 0; blockStart < input.Length; blockStart += UpdateSamples)
        {
            double t = startSeconds + ((blockStart + (UpdateSamples / 2.0)) / sampleRateHz);
            taps.Clear();
            for (int p = 0; p < channel.Paths.Count; p++)
            {
                var path = channel.Paths[p];
                var (sin, cos) = Math.SinCos(2 * Math.PI * path.DopplerHz * t);
                var gain = new Complex32(
                    (float)((path.GainReal * cos) - (path.GainImaginary * sin)),
                    (float)((path.GainReal * sin) + (path.GainImaginary * cos)));
                for (int k = 0; k < tapCount; k++)
                {
                    taps[k] += gain * (float)pathTaps[p][k];
                }
            }

            int blockEnd = Math.Min(input.Length, blockStart + UpdateSamples);
            for (int n = blockStart; n < blockEnd; n++)
            {
                var sum = Complex32.Zero;
                for (int k = 0; k < tapCount; k++)
                {
                    // Tap k delays by (first + k) samples: y[n] = Σ h[d]·x[n − d].
                    int source = n - (first + k);
                    if ((uint)source < (uint)input.Length)
                    {
                        sum += taps[k] * input[source];
                    }
                }

                output[n] = sum;
            }
        }
    }

    /// <summary>Blackman-windowed sinc taps for a delay of <paramref name="delaySamples"/>, for integer delays first … first+count−1.</summary>
    private static double[] FractionalDelay(double delaySamples, int first, int count)
    {
        var taps = new double[count];
        double sum = 0;
        for (int k = 0; k < count; k++)
        {
            double d = first + k - delaySamples;
            if (Math.Abs(d) > HalfSpan)
            {
                continue;
            }

            double sinc = Math.Abs(d) < 1e-12 ? 1 : Math.Sin(Math.PI * d) / (Math.PI * d);
            double w = (double)(d + HalfSpan) / (2 * HalfSpan);
            double window = 0.42 - (0.5 * Math.Cos(2 * Math.PI * w)) + (0.08 * Math.Cos(4 * Math.PI * w));
            taps[k] = sinc * window;
            sum += taps[k];
        }

        // Unit DC gain, so the path's amplitude is exactly its gain.
        for (int k = 0; k < count; k++)
        {
            taps[k] /= sum;
        }

        return taps;
    }
}
