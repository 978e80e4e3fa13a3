using MathNet.Numerics;
using RfFingerprint.Simulation.Randomness;

namespace RfFingerprint.Simulation.Channel;

/// <summary>Additive white Gaussian noise at an in-band signal-to-noise ratio.</summary>
public static class AwgnChannel
{
    /// <summary>
    /// Complex noise variance for an in-band SNR: the SNR is signal power over the noise power inside the
    /// LoRa bandwidth, and white noise over the full sample rate has fs/BW times that much, so
    /// <c>σ² = signalPower · (sampleRateHz / bandwidthHz) / 10^(snrDb/10)</c>.
    /// </summary>
    public static double NoiseVariance(double signalPower, double snrDb, double sampleRateHz, double bandwidthHz)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(signalPower);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRateHz);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bandwidthHz);
        return signalPower * (sampleRateHz / bandwidthHz) / Math.Pow(10, snrDb / 10);
    }

    /// <summary>Adds circular complex Gaussian noise of total variance <paramref name="noiseVariance"/> (half per component), in place.</summary>
    public static void Add(Span<Complex32> samples, double noiseVariance, SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegative(noiseVariance);
        double sigma = Math.Sqrt(noiseVariance / 2);
        for (int n = 0; n < samples.Length; n++)
        {
            samples[n] += new Complex32((float)(sigma * random.Gaussian()), (float)(sigma * random.Gaussian()));
        }
    }
}
