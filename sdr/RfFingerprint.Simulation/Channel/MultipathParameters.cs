using RfFingerprint.Simulation.Randomness;

namespace RfFingerprint.Simulation.Channel;

/// <summary>One path of a multipath channel.</summary>
/// <param name="DelaySeconds">Excess delay.</param>
/// <param name="GainReal">Real part of the complex amplitude.</param>
/// <param name="GainImaginary">Imaginary part of the complex amplitude.</param>
/// <param name="DopplerHz">Doppler shift of the path (f_D·cos θ).</param>
public readonly record struct ChannelPath(double DelaySeconds, double GainReal, double GainImaginary, double DopplerHz);

/// <summary>
/// One realisation of a Rician multipath channel with an exponential power-delay profile, as used for
/// augmentation by the TIFS 2022 LoRa RFFI work (RMS delay U[10, 300] ns, truncated at −30 dB, K U[0, 10],
/// Doppler U[0, 10] Hz).
/// </summary>
/// <remarks>
/// A line-of-sight path at zero delay carries K/(K+1) of the power; <see cref="ScatteredPathCount"/> paths
/// spread evenly over [0, τ_rms·ln 1000] (the −30 dB point) carry 1/(K+1), with powers ∝ e^(−τ/τ_rms) and
/// complex Gaussian amplitudes; each path has Doppler f_D·cos θ with θ uniform. The realised path powers
/// are normalised to sum to 1, so the channel does not change the burst's power at t = 0.
/// </remarks>
public sealed record MultipathParameters(double KFactor, double RmsDelaySeconds, double MaxDopplerHz, IReadOnlyList<ChannelPath> Paths)
{
    /// <summary>Number of diffuse paths.</summary>
    public const int ScatteredPathCount = 8;

    /// <summary>Draws a channel with K, RMS delay and maximum Doppler uniform in the given ranges.</summary>
    public static MultipathParameters Draw(SeededRandom random, ChannelOptions options)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(options);
        double k = random.Uniform(options.KFactorMin, options.KFactorMax);
        double rms = random.Uniform(options.RmsDelayMinSeconds, options.RmsDelayMaxSeconds);
        double fd = options.DopplerEnabled ? random.Uniform(options.MaxDopplerMinHz, options.MaxDopplerMaxHz) : 0;
        var paths = new List<ChannelPath>(ScatteredPathCount + 1);
        double losAngle = random.Uniform(0, 2 * Math.PI);
        double losAmplitude = Math.Sqrt(k / (k + 1));
        paths.Add(new ChannelPath(0, losAmplitude * Math.Cos(losAngle), losAmplitude * Math.Sin(losAngle), fd * Math.Cos(random.Uniform(0, 2 * Math.PI))));

        double maxDelay = rms * Math.Log(1000);
        var weights = new double[ScatteredPathCount];
        for (int i = 0; i < ScatteredPathCount; i++)
        {
            weights[i] = Math.Exp(-(maxDelay * i / (ScatteredPathCount - 1)) / rms);
        }

        double weightSum = weights.Sum();
        for (int i = 0; i < ScatteredPathCount; i++)
        {
            double sigma = Math.Sqrt(weights[i] / weightSum / (k + 1) / 2);
            paths.Add(new ChannelPath(
                maxDelay * i / (ScatteredPathCount - 1),
                sigma * random.Gaussian(),
                sigma * random.Gaussian(),
                fd * Math.Cos(random.Uniform(0, 2 * Math.PI))));
        }

        double power = paths.Sum(p => (p.GainReal * p.GainReal) + (p.GainImaginary * p.GainImaginary));
        double scale = 1 / Math.Sqrt(power);
        var normalised = paths.Select(p => p with { GainReal = p.GainReal * scale, GainImaginary = p.GainImaginary * scale }).ToList();
        return new MultipathParameters(k, rms, fd, normalised);
    }
}
