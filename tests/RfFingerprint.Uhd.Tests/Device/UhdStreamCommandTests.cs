using RfFingerprint.Uhd.Device;

namespace RfFingerprint.Uhd.Tests.Device;

public sealed class UhdStreamCommandTests
{
    [Fact]
    public void Stream_modes_are_the_letters_from_usrp_h()
    {
        Assert.Equal('a', (int)UhdStreamMode.StartContinuous);
        Assert.Equal('o', (int)UhdStreamMode.StopContinuous);
        Assert.Equal('d', (int)UhdStreamMode.NumSamplesAndDone);
        Assert.Equal('m', (int)UhdStreamMode.NumSamplesAndMore);
    }

    [Fact]
    public void Start_and_stop_commands_act_now()
    {
        Assert.Equal(new UhdStreamCommand(UhdStreamMode.StartContinuous, 0, true, default), UhdStreamCommand.StartContinuousNow);
        Assert.Equal(new UhdStreamCommand(UhdStreamMode.StopContinuous, 0, true, default), UhdStreamCommand.StopContinuousNow);
    }

    [Fact]
    public void A_finite_burst_needs_a_positive_sample_count()
    {
        Assert.Equal(1000, UhdStreamCommand.NumSamplesAndDoneNow(1000).SampleCount);
        Assert.Throws<ArgumentOutOfRangeException>(() => UhdStreamCommand.NumSamplesAndDoneNow(0));
    }

    [Fact]
    public void Rx_metadata_error_codes_match_metadata_h()
    {
        Assert.Equal(0x0, (int)UhdRxMetadataError.None);
        Assert.Equal(0x1, (int)UhdRxMetadataError.Timeout);
        Assert.Equal(0x2, (int)UhdRxMetadataError.LateCommand);
        Assert.Equal(0x4, (int)UhdRxMetadataError.BrokenChain);
        Assert.Equal(0x8, (int)UhdRxMetadataError.Overflow);
        Assert.Equal(0xC, (int)UhdRxMetadataError.Alignment);
        Assert.Equal(0xF, (int)UhdRxMetadataError.BadPacket);
    }
}
