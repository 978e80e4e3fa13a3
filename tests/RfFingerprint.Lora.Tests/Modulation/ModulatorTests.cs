using MathNet.Numerics;
using RfFingerprint.Lora.Coding;
using RfFingerprint.Lora.Modulation;

namespace RfFingerprint.Lora.Tests.Modulation;

public class ModulatorTests
{
    [Fact]
    public void Frame_is_preamble_sync_word_sfd_then_payload()
    {
        var parameters = new LoraParameters { PreambleSymbols = 10, SyncWord = 0x34 };
        var segments = new LoraFrameBuilder(parameters).Build(new byte[16]);

        Assert.All(segments[..10], s => Assert.Equal(new ChirpSegment(ChirpDirection.Up, 0, 4), s));
        Assert.Equal(new ChirpSegment(ChirpDirection.Up, 24, 4), segments[10]);
        Assert.Equal(new ChirpSegment(ChirpDirection.Up, 32, 4), segments[11]);
        Assert.Equal(new ChirpSegment(ChirpDirection.Down, 0, 4), segments[12]);
        Assert.Equal(new ChirpSegment(ChirpDirection.Down, 0, 4), segments[13]);
        Assert.Equal(new ChirpSegment(ChirpDirection.Down, 0, 1), segments[14]);
        Assert.Equal(15 + 38, segments.Length);
    }

    [Fact]
    public void Private_sync_word_0x12_is_sent_as_shifts_8_and_16()
    {
        Assert.Equal((8, 16), LoraFrameBuilder.SyncWordShifts(0x12));
    }

    [Fact]
    public void Modulated_frame_has_unit_amplitude_and_the_expected_length()
    {
        var parameters = new LoraParameters();
        var samples = new LoraModulator(parameters).Modulate(new byte[16]);
        Assert.Equal((8 + 2 + 2.25 + 38) * 1024, samples.Length);
        Assert.All(samples, x => Assert.InRange(x.Magnitude, 0.999f, 1.001f));
    }

    [Theory]
    [InlineData(7, 125_000, 1_000_000, 1, 16)]
    [InlineData(8, 250_000, 500_000, 4, 5)]
    [InlineData(9, 500_000, 500_000, 2, 3)]
    public void Every_payload_chirp_demodulates_to_the_encoded_shift(int sf, double bandwidthHz, double sampleRateHz, int cr, int length)
    {
        var parameters = new LoraParameters { SpreadingFactor = sf, BandwidthHz = bandwidthHz, SampleRateHz = sampleRateHz, CodingRate = cr };
        var payload = LoraCodecTestsPayload(length);
        var segments = new LoraFrameBuilder(parameters).Build(payload);
        var synthesizer = new ChirpSynthesizer(parameters);
        var samples = new Complex32[synthesizer.SampleCount(segments)];
        synthesizer.Synthesize(segments, samples);

        var sps = parameters.SamplesPerSymbol;
        var dataStart = (parameters.PreambleSymbols + 4) * sps + (sps / 4);
        var shifts = new int[segments.Length - parameters.PreambleSymbols - 5];
        for (var i = 0; i < shifts.Length; i++)
        {
            shifts[i] = ChirpTestMath.StrongestBin(samples.AsSpan(dataStart + (i * sps), sps), parameters.ChipsPerSymbol, parameters.Oversampling, upChirp: true);
            Assert.Equal(segments[parameters.PreambleSymbols + 5 + i].Symbol, shifts[i]);
        }

        var decoded = new byte[255];
        var result = new LoraCodec(parameters).Decode(shifts, decoded);
        Assert.True(result.CrcOk);
        Assert.Equal(payload, decoded[..length]);
    }

    [Fact]
    public void Sync_word_and_sfd_chirps_demodulate_to_their_shifts()
    {
        var parameters = new LoraParameters { SyncWord = 0x12 };
        var samples = new LoraModulator(parameters).Modulate([1, 2, 3]);
        var sps = parameters.SamplesPerSymbol;
        Assert.Equal(0, ChirpTestMath.StrongestBin(samples.AsSpan(0, sps), 128, 8, upChirp: true));
        Assert.Equal(8, ChirpTestMath.StrongestBin(samples.AsSpan(8 * sps, sps), 128, 8, upChirp: true));
        Assert.Equal(16, ChirpTestMath.StrongestBin(samples.AsSpan(9 * sps, sps), 128, 8, upChirp: true));
        Assert.Equal(0, ChirpTestMath.StrongestBin(samples.AsSpan(10 * sps, sps), 128, 8, upChirp: false));
    }

    [Fact]
    public void Waveform_is_phase_continuous_across_chirp_boundaries()
    {
        var parameters = new LoraParameters();
        var samples = new LoraModulator(parameters).Modulate([0xA5, 0x5A, 0x00]);
        // Largest possible phase step: |f| <= BW/2 -> 2*pi*62.5k/1M = 0.39 rad per sample.
        for (var n = 1; n < samples.Length; n++)
        {
            var step = Math.Abs(Complex32.Divide(samples[n], samples[n - 1]).Phase);
            Assert.True(step < 0.40, $"phase step {step} at sample {n}");
        }
    }

    [Fact]
    public void A_constant_distortion_is_a_frequency_offset()
    {
        var parameters = new LoraParameters();
        var segments = new LoraFrameBuilder(parameters).Build([7]);
        var synthesizer = new ChirpSynthesizer(parameters);
        var ideal = new Complex32[synthesizer.SampleCount(segments)];
        var distorted = new Complex32[ideal.Length];
        synthesizer.Synthesize(segments, ideal);
        synthesizer.Synthesize(segments, distorted, new ConstantDeviation(1000));

        for (var n = 0; n < ideal.Length; n += 997)
        {
            var expected = ideal[n] * Complex32.FromPolarCoordinates(1, (float)(2 * Math.PI * 1000 * n / 1e6 % (2 * Math.PI)));
            Assert.True((expected - distorted[n]).Magnitude < 1e-3, $"sample {n}");
        }
    }

    [Fact]
    public void Distortion_sees_the_nominal_frequency_and_the_time_since_the_wrap()
    {
        var parameters = new LoraParameters();
        var probe = new RecordingDistortion();
        new ChirpSynthesizer(parameters).Synthesize([new ChirpSegment(ChirpDirection.Up, 64, 4)], new Complex32[1024], probe);
        Assert.Equal(0, probe.Calls[0].FrequencyHz, 6);
        var afterWrap = probe.Calls[(64 * 8) + 8];
        Assert.Equal(-62_500 + 976.5625, afterWrap.FrequencyHz, 3);
        Assert.Equal(8e-6, afterWrap.SinceWrapSeconds, 9);
        Assert.Equal((64 * 8 + 8) * 1e-6, afterWrap.IntoChirpSeconds, 9);
    }

    private static byte[] LoraCodecTestsPayload(int length) => Enumerable.Range(0, length).Select(i => (byte)(i * 73 + 11)).ToArray();

    private sealed class ConstantDeviation(double deviationHz) : IChirpDistortion
    {
        public double DeviationHz(ChirpDirection direction, double nominalFrequencyHz, double secondsIntoChirp, double secondsSinceWrap) => deviationHz;
    }

    private sealed class RecordingDistortion : IChirpDistortion
    {
        public List<(double FrequencyHz, double IntoChirpSeconds, double SinceWrapSeconds)> Calls { get; } = [];

        public double DeviationHz(ChirpDirection direction, double nominalFrequencyHz, double secondsIntoChirp, double secondsSinceWrap)
        {
            Calls.Add((nominalFrequencyHz, secondsIntoChirp, secondsSinceWrap));
            return 0;
        }
    }
}
