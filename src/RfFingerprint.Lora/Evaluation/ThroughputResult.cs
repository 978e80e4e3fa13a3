namespace RfFingerprint.Lora.Evaluation;

/// <summary>Outcome of <see cref="ThroughputBenchmark.Run"/>.</summary>
/// <param name="Occupancy">Fraction of the stream occupied by bursts.</param>
/// <param name="MegaSamplesPerSecond">Samples processed per second of wall time on one thread, in millions.</param>
/// <param name="CpuMegaSamplesPerSecond">Samples per second of process CPU time, in millions (robust to other load on the machine).</param>
/// <param name="RealTimeFactor">MegaSamplesPerSecond over the stream's own rate.</param>
/// <param name="Samples">Samples processed in the timed passes.</param>
/// <param name="Bursts">Bursts reported in the timed passes.</param>
/// <param name="CrcOkBursts">Of those, bursts decoded with a valid CRC.</param>
/// <param name="AllocatedBytesPerBurst">Bytes allocated on the thread during the timed passes divided by the bursts.</param>
/// <param name="AllocatedBytes">Bytes allocated on the thread during the timed passes.</param>
public readonly record struct ThroughputResult(double Occupancy, double MegaSamplesPerSecond, double CpuMegaSamplesPerSecond, double RealTimeFactor, long Samples, long Bursts, long CrcOkBursts, double AllocatedBytesPerBurst, long AllocatedBytes);
