namespace RfFingerprint.Service.Contracts;

/// <summary>A recording in the service's capture folder.</summary>
/// <param name="Name">File name (use it in replays and enrolments).</param>
/// <param name="SizeBytes">Size of the metadata or archive file, bytes.</param>
/// <param name="ModifiedUtc">Last write time.</param>
public sealed record CaptureResponse(string Name, long SizeBytes, DateTimeOffset ModifiedUtc)
{
    /// <summary>Describes a file of the capture folder.</summary>
    public static CaptureResponse From(FileInfo file) => new(file.Name, file.Length, file.LastWriteTimeUtc);
}
