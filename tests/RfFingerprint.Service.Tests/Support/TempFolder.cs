namespace RfFingerprint.Service.Tests.Support;

/// <summary>A temp folder removed when disposed.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = TestDatabase.NewTempDirectory();

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless; failing the test over it would hide the real result.
        }
    }
}
