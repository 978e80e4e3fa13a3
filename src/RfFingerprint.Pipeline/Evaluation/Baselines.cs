using System.Numerics;
using MathNet.Numerics;
using RfFingerprint.Fingerprinting.Evaluation;

namespace RfFingerprint.Pipeline.Evaluation;

/// <summary>Identifiers without a fingerprint model, run on the same bursts to show what the model adds.</summary>
public static class Baselines
{
    /// <summary>
    /// CFO only: each device is the mean of its training bursts' estimated CFOs; a test burst goes to the nearest mean.
    /// Bursts of devices absent from <paramref name="train"/> are left out.
    /// </summary>
    /// <returns>Accuracy and the number of bursts scored.</returns>
    /// <exception cref="ArgumentException">No test burst belongs to a training device.</exception>
    public static (double Accuracy, int Count) CfoNearestMean(EvaluationSet train, EvaluationSet test)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        var means = Enumerable.Range(0, train.Count)
            .GroupBy(train.DeviceOf, StringComparer.Ordinal)
            .Select(g => (Device: g.Key, MeanHz: g.Average(b => train.CfoHz[b])))
            .ToArray();
        var known = means.Select(m => m.Device).ToHashSet(StringComparer.Ordinal);
        int count = 0, correct = 0;
        for (int b = 0; b < test.Count; b++)
        {
            if (!known.Contains(test.DeviceOf(b)))
                continue;
            double cfo = test.CfoHz[b];
            string nearest = means.MinBy(m => Math.Abs(m.MeanHz - cfo)).Device;
            count++;
            correct += nearest == test.DeviceOf(b) ? 1 : 0;
        }

        if (count == 0)
            throw new ArgumentException("No test burst belongs to a training device.", nameof(test));
        return ((double)correct / count, count);
    }

    /// <summary>
    /// Raw IQ: each preamble has its estimated CFO removed (y[n] = x[n] e^(−j2π·cfo·n/fs)) and is scaled to unit energy;
    /// a device's centroid is the mean of its training preambles, each first rotated onto the device's first one
    /// (the carrier phase of a burst is arbitrary); a test burst goes to the centroid with the largest
    /// |Σ y[n] conj(c[n])| / ‖c‖, i.e. the nearest centroid up to a common phase.
    /// </summary>
    /// <returns>Accuracy and the number of bursts scored.</returns>
    /// <exception cref="ArgumentException">No test burst belongs to a training device, or preamble lengths differ.</exception>
    public static (double Accuracy, int Count) RawIqNearestCentroid(CollectedBursts train, CollectedBursts test, double sampleRateHz)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRateHz);
        if (train.Count == 0)
            throw new ArgumentException("No training bursts.", nameof(train));
        int length = train.Preambles[0].Length;
        if (train.Preambles.Concat(test.Preambles).Any(p => p.Length != length))
            throw new ArgumentException("All preambles must have the same length.", nameof(test));

        var centroids = new Dictionary<string, Complex[]>(StringComparer.Ordinal);
        for (int b = 0; b < train.Count; b++)
        {
            var y = Prepare(train.Preambles[b], train.CfoHz[b], sampleRateHz);
            if (!centroids.TryGetValue(train.Devices[b], out var sum))
            {
                centroids[train.Devices[b]] = y;
                continue;
            }

            var c = Correlate(y, sum);
            var align = c.Magnitude > 0 ? Complex.Conjugate(c) / c.Magnitude : Complex.One;
            for (int n = 0; n < length; n++)
                sum[n] += y[n] * align;
        }

        var normalised = centroids.ToDictionary(kv => kv.Key, kv => Normalise(kv.Value), StringComparer.Ordinal);
        int count = 0, correct = 0;
        for (int b = 0; b < test.Count; b++)
        {
            if (!normalised.ContainsKey(test.Devices[b]))
                continue;
            var y = Prepare(test.Preambles[b], test.CfoHz[b], sampleRateHz);
            string best = normalised.MaxBy(kv => Correlate(y, kv.Value).Magnitude).Key;
            count++;
            correct += best == test.Devices[b] ? 1 : 0;
        }

        if (count == 0)
            throw new ArgumentException("No test burst belongs to a training device.", nameof(test));
        return ((double)correct / count, count);
    }

    private static Complex[] Prepare(Complex32[] x, double cfoHz, double sampleRateHz)
    {
        var y = new Complex[x.Length];
        double step = -2 * Math.PI * cfoHz / sampleRateHz;
        for (int n = 0; n < x.Length; n++)
            y[n] = new Complex(x[n].Real, x[n].Imaginary) * Complex.FromPolarCoordinates(1, step * n);
        return Normalise(y);
    }

    private static Complex[] Normalise(Complex[] y)
    {
        double energy = y.Sum(v => (v.Real * v.Real) + (v.Imaginary * v.Imaginary));
        double scale = energy > 0 ? 1 / Math.Sqrt(energy) : 0;
        for (int n = 0; n < y.Length; n++)
            y[n] *= scale;
        return y;
    }

    /// <summary>Σ a[n] conj(b[n]).</summary>
    private static Complex Correlate(Complex[] a, Complex[] b)
    {
        Complex sum = Complex.Zero;
        for (int n = 0; n < a.Length; n++)
            sum += a[n] * Complex.Conjugate(b[n]);
        return sum;
    }
}
