using MathNet.Numerics;
using RfFingerprint.Simulation.Randomness;

namespace RfFingerprint.Simulation.Receiver;

/// <summary>
/// The receiving radio, shared by every device it hears: its own LO error, IQ imbalance, DC offset and ADC.
/// </summary>
/// <remarks>
/// Applied in this order to the stream: y = x·e^(−j2π·FrequencyOffsetHz·t) (a receiver LO that is high by f
/// makes every transmitter appear f lower); y = K1·y + K2·conj(y) with g = 10^(IqGainImbalanceDb/20),
/// φ = IqPhaseImbalanceDeg, K1 = (1 + g·e^(−jφ))/2, K2 = (1 − g·e^(jφ))/2; y += DcOffset; each component is
/// rounded to a step of FullScale/2^(AdcBits−1) and clipped to ±FullScale.
/// </remarks>
/// <param name="FrequencyOffsetHz">Receiver LO error at the carrier (a USRP N210 without GPSDO: ±2.5 ppm TCXO).</param>
/// <param name="IqGainImbalanceDb">I/Q gain mismatch.</param>
/// <param name="IqPhaseImbalanceDeg">I/Q quadrature error.</param>
/// <param name="DcOffsetI">DC on I, in units of full scale.</param>
/// <param name="DcOffsetQ">DC on Q, in units of full scale.</param>
/// <param name="AdcBits">Effective ADC resolution (the N210 samples with 14-bit ADCs and streams 16-bit sc16).</param>
/// <param name="FullScale">Amplitude at ADC full scale.</param>
public sealed record ReceiverParameters(
    double FrequencyOffsetHz,
    double IqGainImbalanceDb,
    double IqPhaseImbalanceDeg,
    double DcOffsetI,
    double DcOffsetQ,
    int AdcBits,
    double FullScale)
{
    /// <summary>Draws a receiver for a carrier frequency.</summary>
    public static ReceiverParameters Draw(SeededRandom random, double carrierHz)
    {
        ArgumentNullException.ThrowIfNull(random);
        double dcMagnitude = random.Uniform(0, 3e-3);
        double dcAngle = random.Uniform(0, 2 * Math.PI);
        return new ReceiverParameters(
            FrequencyOffsetHz: carrierHz * random.Uniform(-1.5e-6, 1.5e-6),
            IqGainImbalanceDb: random.Uniform(-0.3, 0.3),
            IqPhaseImbalanceDeg: random.Uniform(-2, 2),
            DcOffsetI: dcMagnitude * Math.Cos(dcAngle),
            DcOffsetQ: dcMagnitude * Math.Sin(dcAngle),
            AdcBits: 14,
            FullScale: 1.0);
    }

    /// <summary>An ideal receiver (no offset, imbalance, DC or quantisation).</summary>
    public static ReceiverParameters Ideal { get; } = new(0, 0, 0, 0, 0, 0, 1.0);

    /// <summary>Applies the receiver to a stretch of the stream in place (formulas in the remarks).</summary>
    /// <param name="samples">Stream samples, modified in place.</param>
    /// <param name="sampleRateHz">Sample rate.</param>
    /// <param name="firstSampleIndex">Index of <c>samples[0]</c> in the stream (keeps the LO phase continuous).</param>
    public void Apply(Span<Complex32> samples, double sampleRateHz, long firstSampleIndex)
    {
        if (FrequencyOffsetHz != 0)
        {
            Hardware.FrequencyShift.Apply(samples, -FrequencyOffsetHz, sampleRateHz, firstSampleIndex);
        }

        double g = Math.Pow(10, IqGainImbalanceDb / 20);
        double phi = IqPhaseImbalanceDeg * Math.PI / 180;
        var k1 = new Complex32((float)((1 + (g * Math.Cos(phi))) / 2), (float)(-g * Math.Sin(phi) / 2));
        var k2 = new Complex32((float)((1 - (g * Math.Cos(phi))) / 2), (float)(-g * Math.Sin(phi) / 2));
        var dc = new Complex32((float)DcOffsetI, (float)DcOffsetQ);
        bool quantise = AdcBits > 0;
        float step = quantise ? (float)(FullScale / (1 << (AdcBits - 1))) : 0f;
        float limit = (float)FullScale;
        for (int n = 0; n < samples.Length; n++)
        {
            var x = samples[n];
            var y = (k1 * x) + (k2 * x.Conjugate()) + dc;
            if (quantise)
            {
                y = new Complex32(Quantise(y.Real, step, limit), Quantise(y.Imaginary, step, limit));
            }

            samples[n] = y;
        }
    }

    private static float Quantise(float value, float step, float limit) =>
        Math.Clamp(MathF.Round(value / step) * step, -limit, limit - step);
}
