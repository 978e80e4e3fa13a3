namespace RfFingerprint.Uhd.Streaming;

/// <summary>Opens radios for <see cref="UhdIqSource"/> (the real one makes a USRP through libuhd).</summary>
internal interface IRxSessionFactory
{
    /// <summary>Makes, configures and starts a radio as <paramref name="options"/> say.</summary>
    /// <exception cref="Native.UhdException">The device could not be made or configured.</exception>
    IRxSession Open(UhdOptions options);
}
