using RfFingerprint.Uhd.Streaming;

namespace RfFingerprint.Uhd.Tests.Streaming;

public sealed class UhdOptionsTests
{
    [Fact]
    public void Defaults_are_an_N210_at_the_default_address_on_868_1_MHz()
    {
        var options = new UhdOptions();

        Assert.Equal("Uhd", UhdOptions.SectionName);
        Assert.Equal("addr=192.168.10.2", options.Args);
        Assert.Equal(1e6, options.SampleRateHz);
        Assert.Equal(868.1e6, options.CenterFrequencyHz);
        Assert.Equal("RX2", options.Antenna);
        Assert.Equal(20, options.GainDb);
        Assert.Null(options.BandwidthHz);
        Assert.Equal("sc16", options.WireFormat);
        options.Validate();
    }

    [Theory]
    [InlineData(nameof(UhdOptions.WireFormat))]
    [InlineData(nameof(UhdOptions.SampleRateHz))]
    [InlineData(nameof(UhdOptions.BlockSamples))]
    [InlineData(nameof(UhdOptions.StallTimeoutSeconds))]
    [InlineData(nameof(UhdOptions.BandwidthHz))]
    [InlineData(nameof(UhdOptions.Args))]
    public void Validation_names_the_bad_option(string option)
    {
        var options = new UhdOptions();
        switch (option)
        {
            case nameof(UhdOptions.WireFormat): options.WireFormat = "sc12"; break;
            case nameof(UhdOptions.SampleRateHz): options.SampleRateHz = 0; break;
            case nameof(UhdOptions.BlockSamples): options.BlockSamples = 0; break;
            case nameof(UhdOptions.StallTimeoutSeconds): options.StallTimeoutSeconds = options.ReceiveTimeoutSeconds / 2; break;
            case nameof(UhdOptions.BandwidthHz): options.BandwidthHz = -1; break;
            case nameof(UhdOptions.Args): options.Args = " "; break;
        }

        var e = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Equal(option, e.ParamName);
        Assert.Contains(option, e.Message, StringComparison.Ordinal);
    }
}
