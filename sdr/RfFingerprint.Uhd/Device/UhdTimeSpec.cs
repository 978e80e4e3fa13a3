namespace RfFingerprint.Uhd.Device;

/// <summary>A UHD time: whole seconds plus a fraction in [0, 1), as in <c>uhd::time_spec_t</c>.</summary>
/// <param name="FullSeconds">Whole seconds.</param>
/// <param name="FractionalSeconds">Fraction of a second.</param>
public readonly record struct UhdTimeSpec(long FullSeconds, double FractionalSeconds)
{
    /// <summary>The time as one double (loses resolution for large <see cref="FullSeconds"/>).</summary>
    public double TotalSeconds => FullSeconds + FractionalSeconds;

    /// <summary>Seconds from <paramref name="earlier"/> to this time, whole and fractional parts subtracted separately to keep sub-microsecond resolution.</summary>
    public double SecondsSince(UhdTimeSpec earlier) =>
        (FullSeconds - earlier.FullSeconds) + (FractionalSeconds - earlier.FractionalSeconds);

    /// <summary>This time plus <paramref name="seconds"/>, normalised so the fraction stays in [0, 1).</summary>
    public UhdTimeSpec Add(double seconds)
    {
        double whole = Math.Floor(seconds);
        double fraction = FractionalSeconds + (seconds - whole);
        double carry = Math.Floor(fraction);
        return new UhdTimeSpec(FullSeconds + (long)whole + (long)carry, fraction - carry);
    }

    /// <summary>The UHD time of a UTC instant, counting from the Unix epoch (how this project sets device clocks).</summary>
    public static UhdTimeSpec FromUtc(DateTimeOffset utc)
    {
        long ticks = utc.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        long full = Math.DivRem(ticks, TimeSpan.TicksPerSecond, out long remainder);
        return new UhdTimeSpec(full, remainder / (double)TimeSpan.TicksPerSecond);
    }

    /// <summary>The UTC instant of this time read as seconds since the Unix epoch (100 ns resolution).</summary>
    public DateTimeOffset ToUtc() =>
        DateTimeOffset.UnixEpoch.AddTicks((FullSeconds * TimeSpan.TicksPerSecond) + (long)Math.Round(FractionalSeconds * TimeSpan.TicksPerSecond));
}
