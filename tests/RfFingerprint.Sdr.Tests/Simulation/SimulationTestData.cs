using MathNet.Numerics;
using RfFingerprint.Lora.Modulation;
using RfFingerprint.Sdr.SigMF;
using RfFingerprint.Simulation;

namespace RfFingerprint.Sdr.Tests.Simulation;

internal static class SimulationTestData
{
    public static SimulationOptions Small(string directory) => new()
    {
        Devices = 2,
        BurstsPerDevice = 2,
        PayloadBytesMin = 4,
        PayloadBytesMax = 6,
        GapMinSeconds = 0.002,
        GapMaxSeconds = 0.004,
        OutputDirectory = directory,
        MaxDegreeOfParallelism = 1,
    };

    /// <summary>The samples of annotation <paramref name="index"/> of a recording.</summary>
    public static Complex32[] Burst(SigMFRecording recording, int index)
    {
        var annotation = recording.Metadata.Annotations[index];
        return recording.ReadSamples(annotation.SampleStart, (int)annotation.SampleCount!.Value);
    }

    /// <summary>The ideal (unimpaired) waveform of annotation <paramref name="index"/>'s frame.</summary>
    public static Complex32[] Ideal(SigMFRecording recording, int index, SimulationOptions options)
    {
        var fields = recording.Metadata.Annotations[index].Fields;
        var payload = Convert.FromHexString(fields[GroundTruthKeys.PhyPayload]!.GetValue<string>());
        int sf = fields[GroundTruthKeys.SpreadingFactor]!.GetValue<int>();
        return new LoraModulator(options.LoraParametersFor(sf)).Modulate(payload);
    }

    /// <summary>Per-sample phase increments of x·conj(reference): the instantaneous frequency error in radians per sample.</summary>
    public static double[] FrequencyError(ReadOnlySpan<Complex32> x, ReadOnlySpan<Complex32> reference, int count)
    {
        var d = new double[count - 1];
        Complex32 previous = x[0] * reference[0].Conjugate();
        for (int n = 1; n < count; n++)
        {
            var z = x[n] * reference[n].Conjugate();
            d[n - 1] = (z * previous.Conjugate()).Phase;
            previous = z;
        }

        return d;
    }
}
