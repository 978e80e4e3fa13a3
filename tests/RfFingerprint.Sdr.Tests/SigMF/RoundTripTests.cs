using System.Text.Json.Nodes;
using MathNet.Numerics;
using RfFingerprint.Sdr.SigMF;

namespace RfFingerprint.Sdr.Tests.SigMF;

public sealed class RoundTripTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public static TheoryData<string> DatatypeNames()
    {
        var data = new TheoryData<string>();
        foreach (var datatype in SigMFDatatype.All)
        {
            data.Add(datatype.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DatatypeNames))]
    public void Samples_survive_write_then_read_within_half_a_quantisation_step(string datatypeName)
    {
        Assert.True(SigMFDatatype.TryParse(datatypeName, out var datatype));
        const float fullScale = 2.5f;
        var samples = TestSignals.Random(5003, seed: 7, amplitude: 0.95f * fullScale);
        string path = _dir.File("rt");

        SigMFRecordingWriter.Write(path, new SigMFGlobal { Datatype = datatype, SampleRateHz = 1e6 }, samples,
            options: new SigMFWriterOptions { FullScale = fullScale });
        using var recording = SigMFRecording.Open(path + ".sigmf-meta");
        var back = recording.ReadSamples(0, (int)recording.SampleCount);

        Assert.Equal(samples.Length, back.Length);
        float step = datatype.ComponentType switch
        {
            SigMFComponentType.Float32 => 0f,
            SigMFComponentType.Int16 => fullScale / 32768f,
            _ => fullScale / 128f,
        };
        float tolerance = (step / 2) + 1e-6f;
        for (int i = 0; i < samples.Length; i++)
        {
            Assert.InRange(Math.Abs(back[i].Real - samples[i].Real), 0f, tolerance);
            Assert.InRange(Math.Abs(back[i].Imaginary - samples[i].Imaginary), 0f, tolerance);
        }
    }

    [Theory]
    [InlineData("ci16_le")]
    [InlineData("ci16_be")]
    public void Ci16_extremes_decode_to_minus_full_scale_and_one_step_below_full_scale(string datatypeName)
    {
        Assert.True(SigMFDatatype.TryParse(datatypeName, out var datatype));
        const float fullScale = 2.5f;
        // 37 samples: a whole number of 512-bit vectors of shorts plus a scalar tail, extremes at both ends.
        var samples = new Complex32[37];
        samples[0] = new Complex32(-fullScale, fullScale);
        samples[^1] = new Complex32(fullScale, -fullScale);
        string path = _dir.File("extremes-" + datatypeName);
        SigMFRecordingWriter.Write(path, new SigMFGlobal { Datatype = datatype, SampleRateHz = 1e6 }, samples,
            options: new SigMFWriterOptions { FullScale = fullScale });

        using var recording = SigMFRecording.Open(path + ".sigmf-meta");
        var back = recording.ReadSamples(0, samples.Length);

        const float top = fullScale * 32767f / 32768f;
        Assert.Equal(new Complex32(-fullScale, top), back[0]);
        Assert.Equal(new Complex32(top, -fullScale), back[^1]);
        Assert.All(back[1..^1], sample => Assert.Equal(Complex32.Zero, sample));
    }

    [Fact]
    public void Cf32_le_round_trip_is_bit_exact()
    {
        var samples = TestSignals.Random(1000, seed: 3);
        string path = _dir.File("exact");
        SigMFRecordingWriter.Write(path, new SigMFGlobal { Datatype = SigMFDatatype.Cf32Le, SampleRateHz = 1e6 }, samples);

        using var recording = SigMFRecording.Open(path + ".sigmf-data");

        Assert.Equal(samples, recording.ReadSamples(0, samples.Length));
    }

    [Fact]
    public void Ci16_full_scale_is_recorded_in_the_metadata()
    {
        string path = _dir.File("scaled");
        SigMFRecordingWriter.Write(path, new SigMFGlobal { Datatype = SigMFDatatype.Ci16Le, SampleRateHz = 1e6 },
            TestSignals.Random(10, 1), options: new SigMFWriterOptions { FullScale = 4f });

        var json = JsonNode.Parse(File.ReadAllText(path + ".sigmf-meta"))!;

        Assert.Equal(4.0, json["global"]!["rffp:full_scale"]!.GetValue<double>());
        Assert.Contains(json["global"]!["core:extensions"]!.AsArray(), e => e!["name"]!.GetValue<string>() == "rffp");
    }

    [Fact]
    public void Captures_annotations_and_extension_fields_round_trip()
    {
        var time = new DateTimeOffset(2026, 11, 21, 5, 0, 0, TimeSpan.Zero).AddTicks(1234567);
        var global = new SigMFGlobal
        {
            Datatype = SigMFDatatype.Cf32Le,
            SampleRateHz = 1e6,
            Description = "round trip",
            Extensions = [new SigMFExtension("acme", "2.0.0", Optional: false)],
            Fields = new Dictionary<string, JsonNode?> { ["acme:site"] = new JsonObject { ["lat"] = 52.1, ["tags"] = new JsonArray("a", "b") } },
        };
        SigMFCapture[] captures =
        [
            new() { SampleStart = 0, FrequencyHz = 868.1e6, DateTimeUtc = time, GlobalIndex = 1000 },
            new() { SampleStart = 600, FrequencyHz = 868.3e6, Fields = new Dictionary<string, JsonNode?> { ["acme:gain_db"] = 20.5 } },
        ];
        SigMFAnnotation[] annotations =
        [
            new() { SampleStart = 700, SampleCount = 100, Label = "b", FreqLowerEdgeHz = 868.2e6, FreqUpperEdgeHz = 868.4e6 },
            new() { SampleStart = 10, SampleCount = 50, Label = "a", Comment = "first", Fields = new Dictionary<string, JsonNode?> { ["acme:score"] = 0.5 } },
        ];
        string path = _dir.File("meta");
        SigMFRecordingWriter.Write(path, global, TestSignals.Random(1000, 1), captures, annotations);

        using var recording = SigMFRecording.Open(path);
        var meta = recording.Metadata;

        Assert.Equal("round trip", meta.Global.Description);
        Assert.Equal(new SigMFExtension("acme", "2.0.0", false), Assert.Single(meta.Global.Extensions));
        Assert.Equal("""{"lat":52.1,"tags":["a","b"]}""", meta.Global.Fields["acme:site"]!.ToJsonString());
        Assert.Equal(time, meta.Captures[0].DateTimeUtc);
        Assert.Equal(1000, meta.Captures[0].GlobalIndex);
        Assert.Equal(868.3e6, meta.Captures[1].FrequencyHz);
        Assert.Equal(20.5, meta.Captures[1].Fields["acme:gain_db"]!.GetValue<double>());
        Assert.Equal(["a", "b"], meta.Annotations.Select(a => a.Label));
        Assert.Equal(0.5, meta.Annotations[0].Fields["acme:score"]!.GetValue<double>());
        Assert.Equal(868.4e6, meta.Annotations[1].FreqUpperEdgeHz);
    }

    [Fact]
    public void Reading_then_writing_metadata_reproduces_the_same_json()
    {
        string path = _dir.File("again");
        SigMFRecordingWriter.Write(path, new SigMFGlobal { Datatype = SigMFDatatype.Ci16Le, SampleRateHz = 2e6 }, TestSignals.Random(100, 1),
            [new SigMFCapture { SampleStart = 0, FrequencyHz = 915e6 }],
            [new SigMFAnnotation { SampleStart = 5, SampleCount = 5, Fields = new Dictionary<string, JsonNode?> { ["rffp:cfo_hz"] = -1234.5 } }]);
        byte[] original = File.ReadAllBytes(path + ".sigmf-meta");

        var parsed = SigMFMetadata.Parse(original, "again.sigmf-meta");

        Assert.Equal(System.Text.Encoding.UTF8.GetString(original), System.Text.Encoding.UTF8.GetString(parsed.ToUtf8Json()));
    }

    [Fact]
    public void Archive_reads_like_the_pair_it_was_made_from()
    {
        var samples = TestSignals.Random(3000, seed: 11);
        string path = _dir.File("pair");
        SigMFRecordingWriter.Write(path, new SigMFGlobal { Datatype = SigMFDatatype.Cf32Le, SampleRateHz = 1e6 }, samples,
            annotations: [new SigMFAnnotation { SampleStart = 100, SampleCount = 200, Label = "x" }]);
        string archive = _dir.File("pair.sigmf");

        SigMFArchive.Create(archive, path);
        using var recording = SigMFRecording.Open(archive, new SigMFOpenOptions { VerifySha512 = true });

        Assert.Equal(archive, recording.ArchivePath);
        Assert.Equal(samples, recording.ReadSamples(0, samples.Length));
        Assert.Equal("x", Assert.Single(recording.Metadata.Annotations).Label);
    }

    [Fact]
    public void Written_sha512_verifies()
    {
        string path = _dir.File("hash");
        SigMFRecordingWriter.Write(path, new SigMFGlobal { Datatype = SigMFDatatype.Cf32Le, SampleRateHz = 1e6 }, TestSignals.Random(100, 5));

        using var recording = SigMFRecording.Open(path);

        Assert.Equal(Sha512Check.Verified, recording.VerifySha512());
    }

    [Fact]
    public void Time_of_a_sample_counts_from_its_capture_segment()
    {
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        string path = _dir.File("time");
        SigMFRecordingWriter.Write(path, new SigMFGlobal { Datatype = SigMFDatatype.Cf32Le, SampleRateHz = 1000 }, new Complex32[3000],
            [new SigMFCapture { SampleStart = 0, DateTimeUtc = start }, new SigMFCapture { SampleStart = 2000, DateTimeUtc = start.AddHours(1) }]);

        using var recording = SigMFRecording.Open(path);

        Assert.Equal(start.AddSeconds(1.5), recording.TimeOfSample(1500));
        Assert.Equal(start.AddHours(1).AddSeconds(0.25), recording.TimeOfSample(2250));
    }

    public void Dispose() => _dir.Dispose();
}
