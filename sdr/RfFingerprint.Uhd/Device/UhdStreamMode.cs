namespace RfFingerprint.Uhd.Device;

/// <summary><c>uhd_stream_mode_t</c>: the values are the ASCII letters UHD uses.</summary>
public enum UhdStreamMode
{
    /// <summary>Stream until told to stop ('a').</summary>
    StartContinuous = 97,

    /// <summary>Stop continuous streaming ('o').</summary>
    StopContinuous = 111,

    /// <summary>Stream a number of samples, then end the burst ('d').</summary>
    NumSamplesAndDone = 100,

    /// <summary>Stream a number of samples and expect another command ('m').</summary>
    NumSamplesAndMore = 109,
}
