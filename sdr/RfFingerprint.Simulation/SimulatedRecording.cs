namespace RfFingerprint.Simulation;

/// <summary>A recording written by <see cref="SimulationRunner"/>.</summary>
/// <param name="MetaPath">Path of the <c>.sigmf-meta</c> file.</param>
/// <param name="DeviceIndices">Devices heard in it (one for a per-device recording).</param>
/// <param name="BurstCount">Bursts in it.</param>
/// <param name="SampleCount">Samples in it.</param>
public sealed record SimulatedRecording(string MetaPath, IReadOnlyList<int> DeviceIndices, int BurstCount, long SampleCount);
