using MathNet.Numerics;

namespace RfFingerprint.Pipeline.Evaluation;

/// <summary>
/// Preambles of received bursts kept in memory with the receiver's measurements and the simulator's truth, for the
/// raw-IQ baseline, the receiver's CFO accuracy and the speed measurement.
/// </summary>
/// <param name="Preambles">The first preamble samples of each burst (same length for all).</param>
/// <param name="Devices">True device of each burst (annotation).</param>
/// <param name="CfoHz">Receiver's CFO estimate, in Hz.</param>
/// <param name="SnrDb">Receiver's SNR estimate, in dB.</param>
/// <param name="TrueCfoHz">Simulated CFO (NaN where the annotation has none), in Hz.</param>
public sealed record CollectedBursts(IReadOnlyList<Complex32[]> Preambles, IReadOnlyList<string> Devices, double[] CfoHz, double[] SnrDb, double[] TrueCfoHz)
{
    /// <summary>Number of bursts.</summary>
    public int Count => Devices.Count;
}
