using MathNet.Numerics;

namespace RfFingerprint.Lora.Tests.Modulation;

/// <summary>Reference demodulation done the slow, obvious way (direct DFT) to check the shipped modulator against.</summary>
internal static class ChirpTestMath
{
    /// <summary>Dechirps one symbol (every oversampling-th sample) with the base chirp of the opposite direction and returns the strongest DFT bin.</summary>
    public static int StrongestBin(ReadOnlySpan<Complex32> symbol, int chips, int oversampling, bool upChirp)
    {
        var best = 0;
        var bestPower = -1.0;
        for (var k = 0; k < chips; k++)
        {
            double re = 0, im = 0;
            for (var m = 0; m < chips; m++)
            {
                var x = symbol[m * oversampling];
                var chirpPhase = 2 * Math.PI * (((double)m * m / (2 * chips)) - (m / 2.0));
                var phase = (upChirp ? -chirpPhase : chirpPhase) - (2 * Math.PI * k * m / chips);
                re += (x.Real * Math.Cos(phase)) - (x.Imaginary * Math.Sin(phase));
                im += (x.Real * Math.Sin(phase)) + (x.Imaginary * Math.Cos(phase));
            }

            var power = (re * re) + (im * im);
            if (power > bestPower)
            {
                bestPower = power;
                best = k;
            }
        }

        return best;
    }
}
