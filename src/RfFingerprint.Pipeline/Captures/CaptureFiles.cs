using RfFingerprint.Sdr.SigMF;

namespace RfFingerprint.Pipeline.Captures;

/// <summary>Turns what a user names on the command line (recordings or folders of them) into recording paths.</summary>
public static class CaptureFiles
{
    /// <summary>
    /// Expands each argument: a <c>.sigmf-meta</c>, <c>.sigmf-data</c> or <c>.sigmf</c> path stands for its recording;
    /// a folder stands for every recording directly inside it, in name order. Each recording appears once.
    /// </summary>
    /// <exception cref="FileNotFoundException">An argument names neither an existing recording nor a folder.</exception>
    /// <exception cref="InvalidDataException">A folder holds no recording.</exception>
    public static IReadOnlyList<string> Expand(IEnumerable<string> arguments)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var argument in arguments)
        {
            foreach (var path in ExpandOne(argument))
            {
                var key = SigMFPaths.IsArchive(path) ? Path.GetFullPath(path) : Path.GetFullPath(SigMFPaths.BasePath(path));
                if (seen.Add(key))
                    result.Add(path);
            }
        }

        return result;
    }

    private static List<string> ExpandOne(string argument)
    {
        if (Directory.Exists(argument))
        {
            var recordings = Directory.EnumerateFiles(argument)
                .Where(f => f.EndsWith(SigMFPaths.MetaExtension, StringComparison.Ordinal)
                            || f.EndsWith(SigMFPaths.ArchiveExtension, StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .ToList();
            if (recordings.Count == 0)
                throw new InvalidDataException($"folder '{argument}' holds no SigMF recording (*.sigmf-meta or *.sigmf)");
            return recordings;
        }

        if (SigMFPaths.IsArchive(argument))
            return File.Exists(argument) ? [argument] : throw new FileNotFoundException($"capture '{argument}' does not exist", argument);


        var meta = SigMFPaths.MetaPath(argument);
        if (File.Exists(meta))
            return [meta];
        throw new FileNotFoundException($"capture '{argument}' does not exist (looked for '{meta}')", meta);
    }
}
