namespace RfFingerprint.Uhd.Tests.TestSupport;

/// <summary>Event ids of UhdIqSource's log messages (see UhdLog).</summary>
public static class LogEvents
{
    public const int Opening = 1;
    public const int RetryScheduled = 2;
    public const int GaveUp = 3;
    public const int Opened = 4;
    public const int DeviceLost = 6;
    public const int Overflow = 7;
}
