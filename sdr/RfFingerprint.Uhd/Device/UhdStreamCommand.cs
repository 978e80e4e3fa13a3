namespace RfFingerprint.Uhd.Device;

/// <summary>A stream command for an RX streamer (<c>uhd_stream_cmd_t</c>).</summary>
/// <param name="Mode">What to do.</param>
/// <param name="SampleCount">Samples to stream for the <c>NumSamples*</c> modes; ignored otherwise.</param>
/// <param name="StreamNow">Start immediately; otherwise at <paramref name="Time"/>.</param>
/// <param name="Time">Device time to start at when <paramref name="StreamNow"/> is false.</param>
public readonly record struct UhdStreamCommand(UhdStreamMode Mode, long SampleCount, bool StreamNow, UhdTimeSpec Time)
{
    /// <summary>Start continuous streaming now.</summary>
    public static UhdStreamCommand StartContinuousNow => new(UhdStreamMode.StartContinuous, 0, true, default);

    /// <summary>Stop continuous streaming now.</summary>
    public static UhdStreamCommand StopContinuousNow => new(UhdStreamMode.StopContinuous, 0, true, default);

    /// <summary>Stream <paramref name="sampleCount"/> samples now, then stop.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sampleCount"/> is not positive.</exception>
    public static UhdStreamCommand NumSamplesAndDoneNow(long sampleCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleCount);
        return new(UhdStreamMode.NumSamplesAndDone, sampleCount, true, default);
    }
}
