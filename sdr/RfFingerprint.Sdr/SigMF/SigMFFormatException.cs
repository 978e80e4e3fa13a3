namespace RfFingerprint.Sdr.SigMF;

/// <summary>
/// A SigMF recording (or metadata about to be written) breaks the SigMF 1.2.6 rules or uses a feature
/// this library does not support. The message names the file and the offending field.
/// </summary>
public sealed class SigMFFormatException : Exception
{
    public SigMFFormatException()
    {
        FilePath = string.Empty;
    }

    public SigMFFormatException(string message)
        : base(message)
    {
        FilePath = string.Empty;
    }

    public SigMFFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        FilePath = string.Empty;
    }

    /// <summary>Creates the exception; the message becomes "<c>file: field: problem</c>".</summary>
    /// <param name="filePath">File the problem is in (metadata, data or archive).</param>
    /// <param name="field">JSON path of the offending field (e.g. <c>annotations[2].core:sample_count</c>), or null when the problem concerns the whole file.</param>
    /// <param name="problem">What is wrong, in words.</param>
    /// <param name="innerException">Underlying parser or I/O error, if any.</param>
    public SigMFFormatException(string filePath, string? field, string problem, Exception? innerException = null)
        : base(Compose(filePath, field, problem), innerException)
    {
        FilePath = filePath;
        Field = field;
    }

    /// <summary>File the problem is in.</summary>
    public string FilePath { get; }

    /// <summary>JSON path of the offending field, or null when the whole file is at fault.</summary>
    public string? Field { get; }

    private static string Compose(string filePath, string? field, string problem) =>
        field is null ? $"{filePath}: {problem}" : $"{filePath}: {field}: {problem}";
}
