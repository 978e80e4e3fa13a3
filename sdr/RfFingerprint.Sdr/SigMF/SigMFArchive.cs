using System.Formats.Tar;

namespace RfFingerprint.Sdr.SigMF;

/// <summary>Packs a meta/data pair into a SigMF archive (<c>NAME.sigmf</c>: a tar holding <c>NAME/NAME.sigmf-meta</c> and <c>NAME/NAME.sigmf-data</c>).</summary>
public static class SigMFArchive
{
    /// <summary>Creates <paramref name="archivePath"/> from the recording at <paramref name="recordingPath"/> (meta, data or base path).</summary>
    /// <exception cref="SigMFFormatException">Either file of the pair is missing.</exception>
    public static void Create(string archivePath, string recordingPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(archivePath);
        ArgumentException.ThrowIfNullOrEmpty(recordingPath);
        string metaPath = SigMFPaths.MetaPath(recordingPath);
        string dataPath = SigMFPaths.DataPath(recordingPath);
        foreach (var file in new[] { metaPath, dataPath })
        {
            if (!File.Exists(file))
            {
                throw new SigMFFormatException(file, null, "file not found");
            }
        }

        string name = Path.GetFileName(SigMFPaths.BasePath(recordingPath));
        using var stream = new FileStream(archivePath, FileMode.Create, FileAccess.Write);
        using var writer = new TarWriter(stream, TarEntryFormat.Pax);
        writer.WriteEntry(metaPath, $"{name}/{name}{SigMFPaths.MetaExtension}");
        writer.WriteEntry(dataPath, $"{name}/{name}{SigMFPaths.DataExtension}");
    }
}
