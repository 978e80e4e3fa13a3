using MathNet.Numerics;
using RfFingerprint.Fingerprinting.Features;

namespace RfFingerprint.Fingerprinting.Tests.Features;

public class SpectrogramExtractorTests
{
    private static readonly PreprocessingParameters Defaults = new();

    private static float[] Extract(PreprocessingParameters parameters, Complex32[] preamble, double cfoHz)
    {
        var extractor = new SpectrogramExtractor(parameters);
        var features = new float[extractor.FeatureLength];
        extractor.Extract(preamble, cfoHz, features);
        return features;
    }

    [Theory]
    [InlineData(12, 63)]
    [InlineData(-20, 31)]
    public void PureTone_LandsInItsFrequencyRowInEveryFrame(int fftBin, int expectedRow)
    {
        var parameters = Defaults with { Kind = FeatureKind.Stft };
        double binHz = parameters.SampleRateHz / parameters.FftSize;
        var tone = TestSignals.Tone(parameters.InputSampleCount, fftBin * binHz, parameters.SampleRateHz);

        float[] features = Extract(parameters, tone, cfoHz: 0);

        int frames = parameters.TimeFrames;
        for (int frame = 0; frame < frames; frame++)
        {
            int bestRow = 0;
            for (int row = 1; row < parameters.FrequencyBins; row++)
            {
                if (features[(row * frames) + frame] > features[(bestRow * frames) + frame])
                    bestRow = row;
            }

            Assert.Equal(expectedRow, bestRow);
        }
    }

    [Fact]
    public void UnitTone_HasLogPowerZeroInItsRow()
    {
        // With RMS normalisation and 1/W scaling, an on-bin tone has |S| = 1 in its bin: log10(1) = 0.
        var parameters = Defaults with { Kind = FeatureKind.Stft };
        var tone = TestSignals.Tone(parameters.InputSampleCount, 12 * 3906.25, parameters.SampleRateHz, amplitude: 3);

        float[] features = Extract(parameters, tone, cfoHz: 0);

        Assert.Equal(0, features[63 * parameters.TimeFrames], 1e-4);
    }

    [Fact]
    public void CfoCompensation_MovesShiftedChirpsBackToTheReference()
    {
        var parameters = Defaults with { Kind = FeatureKind.Stft };
        const double cfoHz = 7_300;
        var reference = TestSignals.UpChirps(8, 7, 125_000, 1_000_000);
        var shifted = TestSignals.Impair(reference, cfoHz, 1_000_000, Complex32.One);

        float[] expected = Extract(parameters, reference, cfoHz: 0);
        float[] compensated = Extract(parameters, shifted, cfoHz);

        Assert.True(TestSignals.MaxAbsDifference(expected, compensated) < 1e-2f);
    }

    [Fact]
    public void WithoutCompensation_ShiftedChirpsDifferFromTheReference()
    {
        var parameters = Defaults with { Kind = FeatureKind.Stft, CompensateCfo = false };
        const double cfoHz = 7_300;
        var reference = TestSignals.UpChirps(8, 7, 125_000, 1_000_000);
        var shifted = TestSignals.Impair(reference, cfoHz, 1_000_000, Complex32.One);

        float[] expected = Extract(parameters, reference, cfoHz: 0);
        float[] uncompensated = Extract(parameters, shifted, cfoHz);

        Assert.True(TestSignals.MaxAbsDifference(expected, uncompensated) > 1f);
    }

    [Fact]
    public void ChannelIndependent_CancelsAConstantComplexGain()
    {
        var parameters = Defaults with { Kind = FeatureKind.ChannelIndependent, Normalization = InputNormalization.None };
        var chirps = TestSignals.UpChirps(8, 7, 125_000, 1_000_000);
        var faded = TestSignals.Impair(chirps, 0, 1_000_000, Complex32.FromPolarCoordinates(0.3f, 1.1f));

        float[] clean = Extract(parameters, chirps, 0);
        float[] throughChannel = Extract(parameters, faded, 0);

        Assert.True(TestSignals.MaxAbsDifference(clean, throughChannel) < 1e-2f);
    }

    [Fact]
    public void Stft_WithoutNormalisation_SeesAConstantGain()
    {
        var parameters = Defaults with { Kind = FeatureKind.Stft, Normalization = InputNormalization.None };
        var chirps = TestSignals.UpChirps(8, 7, 125_000, 1_000_000);
        var faded = TestSignals.Impair(chirps, 0, 1_000_000, Complex32.FromPolarCoordinates(0.3f, 1.1f));

        float[] clean = Extract(parameters, chirps, 0);
        float[] throughChannel = Extract(parameters, faded, 0);

        // log10(0.3^2) = -1.05 on every bin well above the floor.
        Assert.Equal(-1.046, throughChannel[0] - clean[0], 2);
    }

    [Fact]
    public void RmsNormalisation_MakesStftIndependentOfAmplitude()
    {
        var parameters = Defaults with { Kind = FeatureKind.Stft };
        var chirps = TestSignals.UpChirps(8, 7, 125_000, 1_000_000);
        var louder = TestSignals.Impair(chirps, 0, 1_000_000, new Complex32(5, 0));

        Assert.True(TestSignals.MaxAbsDifference(Extract(parameters, chirps, 0), Extract(parameters, louder, 0)) < 1e-3f);
    }

    [Theory]
    [InlineData(FeatureKind.Stft, 102, 63)]
    [InlineData(FeatureKind.ChannelIndependent, 102, 62)]
    public void DefaultShape_MatchesTheReferenceSpectrogram(FeatureKind kind, int bins, int frames)
    {
        var extractor = new SpectrogramExtractor(Defaults with { Kind = kind });

        Assert.Equal(8192, extractor.InputSampleCount);
        Assert.Equal(bins, extractor.FrequencyBins);
        Assert.Equal(frames, extractor.TimeFrames);
        Assert.Equal(bins * frames, extractor.FeatureLength);
    }

    [Fact]
    public void ShortPreamble_IsRejectedWithTheNeededLength()
    {
        var extractor = new SpectrogramExtractor(Defaults);
        var features = new float[extractor.FeatureLength];

        var e = Assert.Throws<ArgumentException>(() => extractor.Extract(new Complex32[8191], 0, features));

        Assert.Equal("preamble", e.ParamName);
        Assert.Contains("8191", e.Message, StringComparison.Ordinal);
        Assert.Contains("8192", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ShortDestination_IsRejected()
    {
        var extractor = new SpectrogramExtractor(Defaults);
        var chirps = TestSignals.UpChirps(8, 7, 125_000, 1_000_000);

        var e = Assert.Throws<ArgumentException>(() => extractor.Extract(chirps, 0, new float[extractor.FeatureLength - 1]));

        Assert.Equal("destination", e.ParamName);
    }

    [Fact]
    public void SilentPreamble_IsRejectedBecauseItCannotBeNormalised()
    {
        var extractor = new SpectrogramExtractor(Defaults);

        var e = Assert.Throws<ArgumentException>(() => extractor.Extract(new Complex32[8192], 0, new float[extractor.FeatureLength]));

        Assert.Contains("power", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SamplesBeyondThePreamble_AreIgnored()
    {
        var chirps = TestSignals.UpChirps(9, 7, 125_000, 1_000_000);
        var random = new Random(7);
        for (int n = 8192; n < chirps.Length; n++)
            chirps[n] = new Complex32((float)random.NextDouble() * 100, 0);

        Assert.Equal(Extract(Defaults, chirps[..8192], 1_000), Extract(Defaults, chirps, 1_000));
    }

    [Theory]
    [InlineData(FeatureKind.Stft)]
    [InlineData(FeatureKind.ChannelIndependent)]
    public void Extract_AllocatesNothingOnceWarm(FeatureKind kind)
    {
        var extractor = new SpectrogramExtractor(Defaults with { Kind = kind });
        var chirps = TestSignals.UpChirps(8, 7, 125_000, 1_000_000);
        var features = new float[extractor.FeatureLength];
        extractor.Extract(chirps, 1234, features);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 20; i++)
            extractor.Extract(chirps, 1234, features);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    [Theory]
    [InlineData(256, 128, 256, 77, 102)]
    [InlineData(128, 64, 512, 200, 112)]
    public void Stft_MatchesADirectDftOfEveryFrame(int window, int hop, int fftSize, int cropStart, int cropCount)
    {
        // Reference: the formula of the class documentation evaluated in double precision, no FFT involved.
        var parameters = Defaults with
        {
            Kind = FeatureKind.Stft, WindowLength = window, HopLength = hop, FftSize = fftSize, BinCropStart = cropStart, BinCropCount = cropCount,
        };
        var random = new Random(77);
        var preamble = new Complex32[parameters.InputSampleCount];
        for (int n = 0; n < preamble.Length; n++)
            preamble[n] = new Complex32((float)(random.NextDouble() - 0.5), (float)(random.NextDouble() - 0.5));
        double meanPower = preamble.Average(x => (double)x.MagnitudeSquared);

        float[] features = Extract(parameters, preamble, cfoHz: 0);

        int frames = parameters.TimeFrames;
        foreach (int frame in new[] { 0, frames / 2, frames - 1 })
        {
            for (int row = 0; row < cropCount; row += 7)
            {
                int k = (cropStart + row + (fftSize / 2)) % fftSize;
                double re = 0, im = 0;
                for (int n = 0; n < window; n++)
                {
                    var x = preamble[(frame * hop) + n];
                    double angle = -2 * Math.PI * k * n / fftSize;
                    re += (x.Real * Math.Cos(angle)) - (x.Imaginary * Math.Sin(angle));
                    im += (x.Real * Math.Sin(angle)) + (x.Imaginary * Math.Cos(angle));
                }

                double power = ((re * re) + (im * im)) / ((double)window * window * meanPower);
                Assert.Equal(Math.Log10(power + parameters.LogFloor), features[(row * frames) + frame], 1e-3);
            }
        }
    }

    [Fact]
    public void Dechirp_PutsEveryFrameOfIdealUpChirpsAtZeroHertz()
    {
        var parameters = Defaults with { Kind = FeatureKind.Stft, Dechirp = true, WindowLength = 128, HopLength = 64, BinCropStart = 112, BinCropCount = 32 };
        var chirps = TestSignals.UpChirps(8, 7, 125_000, 1_000_000);

        float[] features = Extract(parameters, chirps, cfoHz: 0);

        int frames = parameters.TimeFrames;
        int zeroHzRow = (parameters.FftSize / 2) - parameters.BinCropStart;
        for (int frame = 0; frame < frames; frame++)
        {
            // A unit tone on bin 0 has |S| = 1: log power 0 there, far below it elsewhere.
            Assert.Equal(0, features[(zeroHzRow * frames) + frame], 1e-3);
            Assert.True(features[((zeroHzRow + 4) * frames) + frame] < -3, $"frame {frame}: energy away from 0 Hz");
        }
    }

    [Fact]
    public void Dechirp_ShowsASweepErrorAsAnOffsetFromZeroHertz()
    {
        // A chirp sent 2 bins (7.8 kHz) high, CFO not compensated, lands two rows above 0 Hz after dechirping.
        var parameters = Defaults with { Kind = FeatureKind.Stft, Dechirp = true, CompensateCfo = false, WindowLength = 128, HopLength = 64, BinCropStart = 112, BinCropCount = 32 };
        var shifted = TestSignals.Impair(TestSignals.UpChirps(8, 7, 125_000, 1_000_000), 2 * 3906.25, 1_000_000, Complex32.One);

        float[] features = Extract(parameters, shifted, cfoHz: 0);

        int frames = parameters.TimeFrames;
        int expectedRow = (parameters.FftSize / 2) - parameters.BinCropStart + 2;
        Assert.Equal(0, features[(expectedRow * frames) + 5], 1e-3);
    }

    [Fact]
    public void Dechirp_IsOffByDefaultSoEarlierModelsKeepTheirFeatures()
    {
        var parsed = PreprocessingParameters.FromJson("""{"schema_version":1,"kind":"stft"}""");

        Assert.False(parsed.Dechirp);
    }
}
