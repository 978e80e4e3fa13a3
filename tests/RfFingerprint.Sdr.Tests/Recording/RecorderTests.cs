using System.Text.Json.Nodes;
using MathNet.Numerics;
using RfFingerprint.Sdr.Recording;
using RfFingerprint.Sdr.SigMF;
using RfFingerprint.Sdr.Streaming;

namespace RfFingerprint.Sdr.Tests.Recording;

public sealed class RecorderTests : IDisposable
{
    private static readonly IqStreamInfo Info = new(1e6, 868.1e6, "test");
    private readonly TempDirectory _dir = new();

    [Fact]
    public void Bursts_left_unclosed_by_a_crash_are_readable_with_their_annotations()
    {
        string path = _dir.File("crash");
        var recorder = SigMFRecorder.Create(path, Info);
        var burstA = TestSignals.Random(500, 1);
        var burstB = TestSignals.Random(700, 2);
        recorder.WriteBurst(burstA, streamSampleIndex: 10_000, null, "lora", new Dictionary<string, JsonNode?> { ["rffp:cfo_hz"] = 1234.5 });
        recorder.WriteBurst(burstB, streamSampleIndex: 90_000, null, "lora", new Dictionary<string, JsonNode?> { ["rffp:cfo_hz"] = -99.0 });

        // No Dispose/Complete: the process "dies" here with the data file still open.
        using var recording = SigMFRecording.Open(path + ".sigmf-meta");

        Assert.Equal(1_200, recording.SampleCount);
        Assert.Equal([0L, 500L], recording.Metadata.Annotations.Select(a => a.SampleStart));
        Assert.Equal(-99.0, recording.Metadata.Annotations[1].Fields["rffp:cfo_hz"]!.GetValue<double>());
        Assert.Equal(90_000, recording.Metadata.Annotations[1].Fields[SigMFRecorder.StreamSampleStartKey]!.GetValue<long>());
        Assert.Equal(burstB, recording.ReadSamples(500, 700));
        Assert.Null(recording.Metadata.Global.Sha512);
        GC.KeepAlive(recorder);
    }

    [Fact]
    public void Stream_data_written_after_the_last_flush_is_still_readable()
    {
        string path = _dir.File("stream-crash");
        var recorder = SigMFRecorder.Create(path, Info, new SigMFRecorderOptions { FlushInterval = TimeSpan.MaxValue });
        recorder.Append(new IqBlock(TestSignals.Random(1_000, 1), 0, null));
        recorder.Annotate(100, 200, "early");
        recorder.Flush();
        recorder.Append(new IqBlock(TestSignals.Random(100_000, 2), 1_000, null));
        recorder.Annotate(50_000, 10, "late, never flushed");

        using var recording = SigMFRecording.Open(path);

        Assert.InRange(recording.SampleCount, 1_000, 101_000);
        Assert.Equal("early", Assert.Single(recording.Metadata.Annotations).Label);
        GC.KeepAlive(recorder);
    }

    [Fact]
    public void Completed_burst_recording_records_hash_segments_and_measurements()
    {
        string path = _dir.File("bursts");
        var time = new DateTimeOffset(2026, 5, 5, 5, 5, 5, TimeSpan.Zero);
        using (var recorder = SigMFRecorder.Create(path, Info, new SigMFRecorderOptions { Datatype = SigMFDatatype.Ci16Le, FullScale = 2 }))
        {
            recorder.WriteBurst(TestSignals.Random(100, 1), 1_000, time, "lora", new Dictionary<string, JsonNode?> { ["rffp:snr_db"] = 12.5 });
            recorder.WriteBurst(TestSignals.Random(100, 2), 5_000, time.AddSeconds(1), "lora");
        }

        using var recording = SigMFRecording.Open(path, new SigMFOpenOptions { VerifySha512 = true });

        Assert.NotNull(recording.Metadata.Global.Sha512);
        Assert.Equal([1_000L, 5_000L], recording.Metadata.Captures.Select(c => c.GlobalIndex!.Value));
        Assert.Equal(time.AddSeconds(1), recording.Metadata.Captures[1].DateTimeUtc);
        Assert.Equal(12.5, recording.Metadata.Annotations[0].Fields["rffp:snr_db"]!.GetValue<double>());
    }

    [Fact]
    public void Burst_fields_in_an_undeclared_namespace_are_rejected()
    {
        using var recorder = SigMFRecorder.Create(_dir.File("ns"), Info);

        Assert.Throws<ArgumentException>(() =>
            recorder.WriteBurst(new Complex32[10], 0, null, fields: new Dictionary<string, JsonNode?> { ["lora:sf"] = 7 }));
    }

    [Fact]
    public async Task Recording_a_source_with_a_gap_replays_with_the_same_indices_and_gap()
    {
        string input = _dir.File("input");
        SigMFRecordingWriter.Write(input, new SigMFGlobal { Datatype = SigMFDatatype.Cf32Le, SampleRateHz = 1e6 }, TestSignals.Ramp(3_000),
            [new SigMFCapture { SampleStart = 0, GlobalIndex = 0 }, new SigMFCapture { SampleStart = 1_000, GlobalIndex = 1_500 }]);
        string output = _dir.File("output");
        await using (var source = SigMFFileSource.Open(input, new SigMFReplayOptions { FollowGlobalIndex = true, BlockSamples = 700 }))
        {
            await SigMFRecorder.RecordAsync(source, output);
        }

        await using var replay = SigMFFileSource.Open(output, new SigMFReplayOptions { FollowGlobalIndex = true, BlockSamples = 5_000 });
        var blocks = new List<(long, long, int)>();
        await foreach (var block in replay.ReadAsync())
        {
            blocks.Add((block.FirstSampleIndex, block.SamplesLostBefore, block.Samples.Length));
        }

        Assert.Equal([(0L, 0L, 1_000), (1_500L, 500L, 2_000)], blocks);
        Assert.Equal(500, replay.Recording.Metadata.Captures[1].Fields[SigMFRecorder.SamplesLostKey]!.GetValue<long>());
    }

    public void Dispose() => _dir.Dispose();
}
