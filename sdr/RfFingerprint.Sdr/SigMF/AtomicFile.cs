namespace RfFingerprint.Sdr.SigMF;

/// <summary>Replaces a file so that a reader (or a crash) sees the old content or the new, never half of one.</summary>
internal static class AtomicFile
{
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> content)
    {
        string temp = path + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(content);
            stream.Flush(flushToDisk: true);
        }

        // rename(2) within one directory is atomic on POSIX file systems and replaces the target.
        File.Move(temp, path, overwrite: true);
    }
}
