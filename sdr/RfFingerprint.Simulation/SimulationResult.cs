namespace RfFingerprint.Simulation;

/// <summary>What a simulation run wrote.</summary>
/// <param name="Recordings">One per device, in device order.</param>
public sealed record SimulationResult(IReadOnlyList<SimulatedRecording> Recordings)
{
    /// <summary>Total bursts written.</summary>
    public int BurstCount => Recordings.Sum(r => r.BurstCount);
}
