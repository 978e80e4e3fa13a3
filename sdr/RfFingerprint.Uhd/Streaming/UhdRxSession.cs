using MathNet.Numerics;
using RfFingerprint.Uhd.Device;
using RfFingerprint.Uhd.Native;

namespace RfFingerprint.Uhd.Streaming;

/// <summary>A USRP made, configured and streaming through libuhd.</summary>
internal sealed class UhdRxSession : IRxSession
{
    private readonly UhdUsrp _usrp;
    private readonly UhdRxStreamer _streamer;
    private readonly UhdRxMetadata _metadata;

    private UhdRxSession(UhdUsrp usrp, UhdRxStreamer streamer, UhdRxMetadata metadata, UhdDeviceSettings settings, UhdTimeSpec? streamOrigin)
    {
        _usrp = usrp;
        _streamer = streamer;
        _metadata = metadata;
        Settings = settings;
        StreamOrigin = streamOrigin;
    }

    public UhdDeviceSettings Settings { get; }

    public UhdTimeSpec? StreamOrigin { get; }

    /// <summary>Makes the device, applies every setting, reads them back, sets its clock, attaches a streamer and starts streaming.</summary>
    public static UhdRxSession Open(UhdLibrary library, UhdOptions options)
    {
        var usrp = UhdUsrp.Make(library, options.Args);
        UhdRxStreamer? streamer = null;
        UhdRxMetadata? metadata = null;
        try
        {
            int channel = options.Channel;
            usrp.SetRxRate(options.SampleRateHz, channel);
            var tune = usrp.TuneRx(options.CenterFrequencyHz, channel);
            usrp.SetRxGain(options.GainDb, channel);
            if (options.Antenna.Length > 0)
            {
                usrp.SetRxAntenna(options.Antenna, channel);
            }

            if (options.BandwidthHz is { } bandwidthHz)
            {
                usrp.SetRxBandwidth(bandwidthHz, channel);
            }

            var settings = new UhdDeviceSettings(
                usrp.GetMotherboardName(),
                usrp.GetRxRate(channel),
                usrp.GetRxFrequency(channel),
                tune,
                usrp.GetRxGain(channel),
                usrp.GetRxAntenna(channel),
                usrp.GetRxBandwidth(channel));

            UhdTimeSpec? origin = null;
            if (options.SetDeviceTimeFromHostClock)
            {
                origin = UhdTimeSpec.FromUtc(DateTimeOffset.UtcNow);
                usrp.SetTimeNow(origin.Value);
            }

            streamer = usrp.GetRxStream(new UhdStreamArgs { WireFormat = options.WireFormat, Channel = channel });
            metadata = new UhdRxMetadata(library);
            streamer.StartContinuous();
            return new UhdRxSession(usrp, streamer, metadata, settings, origin);
        }
        catch
        {
            metadata?.Dispose();
            streamer?.Dispose();
            usrp.Dispose();
            throw;
        }
    }

    public RxChunk Receive(Span<Complex32> destination, double timeoutSeconds)
    {
        int count = _streamer.Receive(destination, _metadata, timeoutSeconds);
        var error = _metadata.ErrorCode;
        UhdTimeSpec? time = count > 0 && _metadata.HasTimeSpec ? _metadata.TimeSpec : null;
        return new RxChunk(count, error, time);
    }

    /// <summary>Stops streaming (best effort: the device may already be gone) and frees streamer, metadata and device.</summary>
    public void Dispose()
    {
        try
        {
            _streamer.StopContinuous();
        }
        catch (UhdException)
        {
            // The device is unreachable; there is nothing left to stop.
        }

        _metadata.Dispose();
        _streamer.Dispose();
        _usrp.Dispose();
    }
}
