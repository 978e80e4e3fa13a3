namespace RfFingerprint.Sdr.SigMF;

/// <summary>File name conventions of SigMF: <c>NAME.sigmf-meta</c>, <c>NAME.sigmf-data</c>, archive <c>NAME.sigmf</c>.</summary>
public static class SigMFPaths
{
    /// <summary>Extension of a metadata file.</summary>
    public const string MetaExtension = ".sigmf-meta";

    /// <summary>Extension of a data file.</summary>
    public const string DataExtension = ".sigmf-data";

    /// <summary>Extension of an archive (a tar of both files).</summary>
    public const string ArchiveExtension = ".sigmf";

    /// <summary>
    /// The recording's base path (without extension) from a path to its meta file, its data file, or the base itself.
    /// </summary>
    public static string BasePath(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (path.EndsWith(MetaExtension, StringComparison.OrdinalIgnoreCase))
        {
            return path[..^MetaExtension.Length];
        }

        if (path.EndsWith(DataExtension, StringComparison.OrdinalIgnoreCase))
        {
            return path[..^DataExtension.Length];
        }

        return path;
    }

    /// <summary>Path of the metadata file of the recording at <paramref name="path"/> (meta, data or base path).</summary>
    public static string MetaPath(string path) => BasePath(path) + MetaExtension;

    /// <summary>Path of the data file of the recording at <paramref name="path"/> (meta, data or base path).</summary>
    public static string DataPath(string path) => BasePath(path) + DataExtension;

    /// <summary>True when <paramref name="path"/> names an archive.</summary>
    public static bool IsArchive(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.EndsWith(ArchiveExtension, StringComparison.OrdinalIgnoreCase);
    }
}
