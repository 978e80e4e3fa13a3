namespace RfFingerprint.Pipeline.UseCases;

/// <summary>What a dataset export wrote.</summary>
/// <param name="Path">The .npz file.</param>
/// <param name="Bursts">Bursts written (one feature matrix each).</param>
/// <param name="Skipped">Bursts detected but not written (not decoded, or no fingerprintable preamble).</param>
/// <param name="Devices">Device names in label order.</param>
public sealed record DatasetExportResult(string Path, int Bursts, int Skipped, IReadOnlyList<string> Devices);
