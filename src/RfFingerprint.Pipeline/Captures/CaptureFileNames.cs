using RfFingerprint.Sdr.SigMF;

namespace RfFingerprint.Pipeline.Captures;

/// <summary>Names derived from a recording's path.</summary>
public static class CaptureFileNames
{
    /// <summary>The recording's name without folder and SigMF extension (<c>dev03</c> for <c>enrol/dev03.sigmf-meta</c>).</summary>
    public static string Stem(string path) =>
        Path.GetFileName(SigMFPaths.IsArchive(path) ? Path.ChangeExtension(path, null) : SigMFPaths.BasePath(path));
}
