using System.IO.Compression;
using RfFingerprint.Fingerprinting.Datasets;

namespace RfFingerprint.Fingerprinting.Tests.Datasets;

public class NpzWriterTests
{
    private static byte[] Archive()
    {
        using var stream = new MemoryStream();
        using (var writer = new NpzWriter(stream, leaveOpen: true))
        {
            writer.Write("features", new float[] { 1, 2, 3, 4 }, [2, 2]);
            writer.WriteStrings("names", ["dev0", "dev1"], [2]);
        }

        return stream.ToArray();
    }

    /// <summary>The writing time would make two exports of the same arrays differ, and with them the training-data sha256 in the model.</summary>
    [Fact]
    public void MembersCarryTheZipEpochInsteadOfTheWritingTime()
    {
        using var zip = new ZipArchive(new MemoryStream(Archive()), ZipArchiveMode.Read);

        Assert.All(zip.Entries, e => Assert.Equal(new DateTime(1980, 1, 1, 0, 0, 0), e.LastWriteTime.DateTime));
    }
}
