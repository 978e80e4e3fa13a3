using System.IO.Compression;

namespace RfFingerprint.Fingerprinting.Datasets;

/// <summary>Reads every .npy member of an .npz archive (stored or deflated), keyed by name without <c>.npy</c>.</summary>
public static class NpzReader
{
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a zip, or a member is not a supported .npy array.</exception>
    public static IReadOnlyDictionary<string, NpyArray> Read(string path)
    {
        using var archive = ZipFile.OpenRead(path);
        var arrays = new Dictionary<string, NpyArray>(StringComparer.Ordinal);
        foreach (var entry in archive.Entries)
        {
            if (!entry.FullName.EndsWith(".npy", StringComparison.Ordinal))
                continue;
            using var s = entry.Open();
            try
            {
                arrays[entry.FullName[..^4]] = NpyFormat.Read(s);
            }
            catch (EndOfStreamException e)
            {
                throw new InvalidDataException($"Member '{entry.FullName}' of {path} is truncated.", e);
            }
        }

        return arrays;
    }
}
