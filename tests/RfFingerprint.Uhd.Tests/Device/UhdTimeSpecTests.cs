using RfFingerprint.Uhd.Device;

namespace RfFingerprint.Uhd.Tests.Device;

public sealed class UhdTimeSpecTests
{
    [Fact]
    public void Adding_carries_whole_seconds_out_of_the_fraction()
    {
        var time = new UhdTimeSpec(10, 0.75).Add(1.5);

        Assert.Equal(12, time.FullSeconds);
        Assert.Equal(0.25, time.FractionalSeconds, 12);
    }

    [Fact]
    public void Differences_keep_sub_microsecond_resolution_at_Unix_epoch_scale()
    {
        var earlier = new UhdTimeSpec(1_763_700_000, 0.123456789);
        var later = earlier.Add(0.000_000_1);

        Assert.Equal(1e-7, later.SecondsSince(earlier), 12);
    }

    [Fact]
    public void Utc_round_trips_through_a_time_spec_to_the_tick()
    {
        var utc = new DateTimeOffset(2026, 11, 21, 5, 34, 26, TimeSpan.Zero).AddTicks(1_234_567);

        var time = UhdTimeSpec.FromUtc(utc);

        Assert.Equal(utc, time.ToUtc());
        Assert.Equal(utc.ToUnixTimeSeconds(), time.FullSeconds);
    }
}
