namespace RfFingerprint.Sdr.SigMF;

/// <summary>An entry of <c>core:extensions</c>: a namespace used by <c>name:key</c> fields in the metadata.</summary>
/// <param name="Name">Namespace, e.g. <c>rffp</c>.</param>
/// <param name="Version">Version of the extension (semantic version string).</param>
/// <param name="Optional">True when a reader that does not know the extension can still use the recording.</param>
public sealed record SigMFExtension(string Name, string Version, bool Optional = true);
