namespace RfFingerprint.Simulation;

/// <summary>Progress of a simulation run.</summary>
/// <param name="BurstsDone">Bursts rendered so far.</param>
/// <param name="BurstsTotal">Bursts to render.</param>
/// <param name="RecordingsDone">Recordings completed so far.</param>
/// <param name="RecordingsTotal">Recordings to write.</param>
public readonly record struct SimulationProgress(int BurstsDone, int BurstsTotal, int RecordingsDone, int RecordingsTotal);
