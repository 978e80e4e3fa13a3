using RfFingerprint.Sdr.SigMF;

namespace RfFingerprint.Sdr.Tests.SigMF;

public sealed class BadInputTests : IDisposable
{
    private const string ValidGlobal = "\"global\": {\"core:datatype\": \"cf32_le\", \"core:version\": \"1.2.6\", \"core:sample_rate\": 1000000}";

    private readonly TempDirectory _dir = new();

    [Fact]
    public void Missing_data_file_names_the_data_file()
    {
        string meta = _dir.File("lonely.sigmf-meta");
        File.WriteAllText(meta, $$"""{ {{ValidGlobal}}, "captures": [], "annotations": [] }""");

        var ex = Assert.Throws<SigMFFormatException>(() => SigMFRecording.Open(meta));

        Assert.Equal(_dir.File("lonely.sigmf-data"), ex.FilePath);
        Assert.Contains("data file not found", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_metadata_file_is_reported()
    {
        File.WriteAllBytes(_dir.File("orphan.sigmf-data"), new byte[16]);

        var ex = Assert.Throws<SigMFFormatException>(() => SigMFRecording.Open(_dir.File("orphan.sigmf-data")));

        Assert.Equal(_dir.File("orphan.sigmf-meta"), ex.FilePath);
    }

    [Fact]
    public void Data_length_not_a_whole_number_of_samples_is_rejected()
    {
        string path = Pair("odd", $$"""{ {{ValidGlobal}}, "captures": [], "annotations": [] }""", dataBytes: 8 * 10 + 3);

        var ex = Assert.Throws<SigMFFormatException>(() => SigMFRecording.Open(path));

        Assert.Equal(_dir.File("odd.sigmf-data"), ex.FilePath);
        Assert.Equal("global.core:datatype", ex.Field);
        Assert.Contains("83 bytes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_datatype_is_rejected_naming_the_field()
    {
        string path = Pair("type", """{ "global": {"core:datatype": "cf128_le", "core:version": "1.2.6"}, "captures": [], "annotations": [] }""", 16);

        var ex = Assert.Throws<SigMFFormatException>(() => SigMFRecording.Open(path));

        Assert.Equal("global.core:datatype", ex.Field);
        Assert.Contains("cf128_le", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Real_valued_datatype_is_rejected()
    {
        string path = Pair("real", """{ "global": {"core:datatype": "rf32_le", "core:version": "1.2.6"}, "captures": [], "annotations": [] }""", 16);

        var ex = Assert.Throws<SigMFFormatException>(() => SigMFRecording.Open(path));

        Assert.Equal("global.core:datatype", ex.Field);
    }

    [Fact]
    public void Malformed_json_is_rejected_naming_the_file()
    {
        string path = Pair("broken", """{ "global": {"core:datatype": "cf32_le", """, 16);

        var ex = Assert.Throws<SigMFFormatException>(() => SigMFRecording.Open(path));

        Assert.Equal(_dir.File("broken.sigmf-meta"), ex.FilePath);
        Assert.Contains("malformed JSON", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sample_start_given_as_a_string_is_a_type_error()
    {
        string path = Pair("wrongtype", $$"""{ {{ValidGlobal}}, "captures": [{"core:sample_start": "0"}], "annotations": [] }""", 16);

        var ex = Assert.Throws<SigMFFormatException>(() => SigMFRecording.Open(path));

        Assert.Equal("captures[0].core:sample_start", ex.Field);
        Assert.Contains("integer", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sample_rate_given_as_a_string_is_a_type_error()
    {
        string path = Pair("rate", """{ "global": {"core:datatype": "cf32_le", "core:version": "1.2.6", "core:sample_rate": "1e6"}, "captures": [], "annotations": [] }""", 16);

        var ex = Assert.Throws<SigMFFormatException>(() => SigMFRecording.Open(path));

        Assert.Equal("global.core:sample_rate", ex.Field);
    }

    [Fact]
    public void Global_that_is_not_an_object_is_a_type_error()
    {
        string path = Pair("global", """{ "global": [], "captures": [], "annotations": [] }""", 16);

        var ex = Assert.Throws<SigMFFormatException>(() => SigMFRecording.Open(path));

        Assert.Equal("global", ex.Field);
    }

    [Fact]
    public void Missing_version_is_reported()
    {
        string path = Pair("nover", """{ "global": {"core:datatype": "cf32_le"}, "captures": [], "annotations": [] }""", 16);

        var ex = Assert.Throws<SigMFFormatException>(() => SigMFRecording.Open(path));

        Assert.Equal("global.core:version", ex.Field);
    }

    [Fact]
    public void Annotation_beyond_the_data_is_rejected()
    {
        string path = Pair("beyond", $$"""{ {{ValidGlobal}}, "captures": [{"core:sample_start": 0}], "annotations": [{"core:sample_start": 8, "core:sample_count": 5}] }""", 8 * 10);

        var ex = Assert.Throws<SigMFFormatException>(() => SigMFRecording.Open(path));

        Assert.Equal("annotations[0].core:sample_count", ex.Field);
        Assert.Contains("beyond the 10 samples", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Data_longer_than_the_last_annotation_is_accepted()
    {
        string path = Pair("longer", $$"""{ {{ValidGlobal}}, "captures": [{"core:sample_start": 0}], "annotations": [{"core:sample_start": 2, "core:sample_count": 3}] }""", 8 * 100);

        using var recording = SigMFRecording.Open(path);

        Assert.Equal(100, recording.SampleCount);
    }

    [Fact]
    public void Sha512_mismatch_is_reported_when_verification_is_requested()
    {
        string hash = new string('a', 128);
        string path = Pair("hash", $$"""{ "global": {"core:datatype": "cf32_le", "core:version": "1.2.6", "core:sha512": "{{hash}}"}, "captures": [], "annotations": [] }""", 64);

        var ex = Assert.Throws<SigMFFormatException>(() => SigMFRecording.Open(path, new SigMFOpenOptions { VerifySha512 = true }));

        Assert.Equal("global.core:sha512", ex.Field);
        Assert.Equal(_dir.File("hash.sigmf-data"), ex.FilePath);
    }

    [Fact]
    public void Sha512_is_not_checked_unless_requested()
    {
        string path = Pair("lazy", $$"""{ "global": {"core:datatype": "cf32_le", "core:version": "1.2.6", "core:sha512": "{{new string('b', 128)}}"}, "captures": [], "annotations": [] }""", 64);

        using var recording = SigMFRecording.Open(path);

        Assert.Throws<SigMFFormatException>(() => recording.VerifySha512());
    }

    [Fact]
    public void Only_one_frequency_edge_is_rejected()
    {
        string path = Pair("edge", $$"""{ {{ValidGlobal}}, "captures": [], "annotations": [{"core:sample_start": 0, "core:freq_lower_edge": 868e6}] }""", 64);

        var ex = Assert.Throws<SigMFFormatException>(() => SigMFRecording.Open(path));

        Assert.Equal("annotations[0].core:freq_upper_edge", ex.Field);
    }

    [Fact]
    public void Several_channels_are_rejected()
    {
        string path = Pair("multi", """{ "global": {"core:datatype": "cf32_le", "core:version": "1.2.6", "core:num_channels": 2}, "captures": [], "annotations": [] }""", 64);

        var ex = Assert.Throws<SigMFFormatException>(() => SigMFRecording.Open(path));

        Assert.Equal("global.core:num_channels", ex.Field);
    }

    [Fact]
    public void Unsorted_captures_are_rejected()
    {
        string path = Pair("unsorted", $$"""{ {{ValidGlobal}}, "captures": [{"core:sample_start": 4}, {"core:sample_start": 2}], "annotations": [] }""", 64);

        var ex = Assert.Throws<SigMFFormatException>(() => SigMFRecording.Open(path));

        Assert.Equal("captures[1].core:sample_start", ex.Field);
    }

    [Fact]
    public void Archive_without_metadata_is_rejected()
    {
        string archive = _dir.File("empty.sigmf");
        File.WriteAllBytes(_dir.File("x.sigmf-data"), new byte[8]);
        using (var stream = File.Create(archive))
        using (var tar = new System.Formats.Tar.TarWriter(stream))
        {
            tar.WriteEntry(_dir.File("x.sigmf-data"), "x/x.sigmf-data");
        }

        var ex = Assert.Throws<SigMFFormatException>(() => SigMFRecording.Open(archive));

        Assert.Equal(archive, ex.FilePath);
    }

    [Fact]
    public void Writer_rejects_an_undeclared_extension_namespace()
    {
        var global = new SigMFGlobal
        {
            Datatype = SigMFDatatype.Cf32Le,
            Fields = new Dictionary<string, System.Text.Json.Nodes.JsonNode?> { ["acme:thing"] = 1 },
        };

        var ex = Assert.Throws<SigMFFormatException>(() => SigMFRecordingWriter.Create(_dir.File("undeclared"), global));

        Assert.Equal("global.acme:thing", ex.Field);
    }

    [Fact]
    public void Writer_rejects_an_annotation_beyond_the_data_on_completion()
    {
        var writer = SigMFRecordingWriter.Create(_dir.File("short"), new SigMFGlobal { Datatype = SigMFDatatype.Cf32Le });
        writer.Append(new MathNet.Numerics.Complex32[10]);
        writer.AddAnnotation(new SigMFAnnotation { SampleStart = 5, SampleCount = 10 });

        var ex = Assert.Throws<SigMFFormatException>(writer.Complete);

        Assert.Equal("annotations[0].core:sample_count", ex.Field);
    }

    public void Dispose() => _dir.Dispose();

    private string Pair(string name, string metaJson, int dataBytes)
    {
        File.WriteAllText(_dir.File(name + ".sigmf-meta"), metaJson);
        File.WriteAllBytes(_dir.File(name + ".sigmf-data"), new byte[dataBytes]);
        return _dir.File(name + ".sigmf-meta");
    }
}
