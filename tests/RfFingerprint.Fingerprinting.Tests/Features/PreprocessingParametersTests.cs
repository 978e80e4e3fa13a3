using RfFingerprint.Fingerprinting.Features;

namespace RfFingerprint.Fingerprinting.Tests.Features;

public class PreprocessingParametersTests
{
    [Fact]
    public void Json_UsesSnakeCaseNamesAndValues()
    {
        string json = new PreprocessingParameters { Kind = FeatureKind.ChannelIndependent }.ToJson();

        Assert.Contains("\"fft_size\":256", json, StringComparison.Ordinal);
        Assert.Contains("\"bin_crop_start\":77", json, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"channel_independent\"", json, StringComparison.Ordinal);
        Assert.Contains("\"scaling\":\"log_power\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("feature_length", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_RoundTripsToAnEqualRecord()
    {
        var original = new PreprocessingParameters { Kind = FeatureKind.Stft, Scaling = AmplitudeScaling.Linear, HopLength = 64, CompensateCfo = false };

        Assert.Equal(original, PreprocessingParameters.FromJson(original.ToJson()));
    }

    [Fact]
    public void Differences_NamesEachDifferingField()
    {
        var a = new PreprocessingParameters();
        var b = a with { FftSize = 512, Kind = FeatureKind.Stft };

        var differences = a.Differences(b);

        Assert.Equal(2, differences.Count);
        Assert.Contains(differences, d => d.StartsWith("fft_size: 256 != 512", StringComparison.Ordinal));
        Assert.Contains(differences, d => d.StartsWith("kind:", StringComparison.Ordinal));
        Assert.Empty(a.Differences(a with { }));
    }

    [Fact]
    public void FromJson_RejectsUnknownFields()
    {
        Assert.Throws<FormatException>(() => PreprocessingParameters.FromJson("{\"fft_size\":256,\"mystery\":1}"));
    }

    [Fact]
    public void FromJson_RejectsInvalidValuesNamingTheField()
    {
        var e = Assert.Throws<FormatException>(() => PreprocessingParameters.FromJson("{\"fft_size\":200}"));

        Assert.Contains("fft_size", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RejectsSampleRateThatIsNotAMultipleOfBandwidth()
    {
        var e = Assert.Throws<ArgumentException>(() => new PreprocessingParameters { SampleRateHz = 300_000 }.Validate());

        Assert.Contains("integer multiple", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DerivedSizes_FollowTheStftDefinition()
    {
        var p = new PreprocessingParameters { SpreadingFactor = 8, SampleRateHz = 500_000, BandwidthHz = 125_000, WindowLength = 128, HopLength = 64, FftSize = 128, BinCropStart = 38, BinCropCount = 52, Kind = FeatureKind.Stft };

        Assert.Equal(1024, p.SamplesPerSymbol);
        Assert.Equal(8192, p.InputSampleCount);
        Assert.Equal(127, p.TimeFrames);
        Assert.Equal(52 * 127, p.FeatureLength);
    }
}
