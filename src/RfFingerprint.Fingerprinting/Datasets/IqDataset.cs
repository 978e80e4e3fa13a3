using MathNet.Numerics;

namespace RfFingerprint.Fingerprinting.Datasets;

/// <summary>
/// Raw preambles with labels, as <c>models/convert_lora_rffi.py</c> writes them from the public LoRa RFFI dataset's HDF5
/// files: <c>iq</c> complex64 [N, S], <c>labels</c> int32 [N] (0-based), <c>device_names</c> unicode [D],
/// <c>sample_rate_hz</c> float64 0-d. The bursts are aligned preambles that still carry their CFO; the export step
/// estimates each one's CFO and runs them through <see cref="Features.SpectrogramExtractor"/>.
/// </summary>
public sealed class IqDataset
{
    private IqDataset(Complex32[] iq, int samplesPerBurst, int[] labels, string[] deviceNames, double sampleRateHz)
    {
        Iq = iq;
        SamplesPerBurst = samplesPerBurst;
        Labels = labels;
        DeviceNames = deviceNames;
        SampleRateHz = sampleRateHz;
    }

    /// <summary>All samples, burst after burst.</summary>
    public Complex32[] Iq { get; }

    /// <summary>Samples per burst (S).</summary>
    public int SamplesPerBurst { get; }

    /// <summary>0-based device index per burst.</summary>
    public int[] Labels { get; }

    /// <summary>Device names in label order.</summary>
    public string[] DeviceNames { get; }

    /// <summary>Sample rate, in Hz.</summary>
    public double SampleRateHz { get; }

    /// <summary>Number of bursts.</summary>
    public int Count => Labels.Length;

    /// <summary>The samples of burst <paramref name="index"/>.</summary>
    public ReadOnlySpan<Complex32> Burst(int index) => Iq.AsSpan(checked(index * SamplesPerBurst), SamplesPerBurst);

    /// <summary>Loads an IQ dataset .npz.</summary>
    /// <exception cref="InvalidDataException">A member is missing or malformed; the message names it.</exception>
    public static IqDataset Load(string path)
    {
        var arrays = NpzReader.Read(path);
        NpyArray Member(string name) => arrays.TryGetValue(name, out var a)
            ? a
            : throw new InvalidDataException($"{path} has no '{name}' array.");
        var iq = Member("iq");
        if (iq.Shape.Count != 2)
            throw new InvalidDataException($"{path}: 'iq' must be 2-d (N, S), got ({string.Join(", ", iq.Shape)}).");
        int[] labels = Member("labels").As<int>();
        string[] names = Member("device_names").As<string>();
        if (labels.Length != iq.Shape[0])
            throw new InvalidDataException($"{path}: {labels.Length} labels for {iq.Shape[0]} bursts.");
        if (labels.Any(l => (uint)l >= (uint)names.Length))
            throw new InvalidDataException($"{path}: a label is outside the {names.Length} device names.");
        double sampleRateHz = Member("sample_rate_hz").As<double>()[0];
        return new IqDataset(iq.As<Complex32>(), checked((int)iq.Shape[1]), labels, names, sampleRateHz);
    }
}
