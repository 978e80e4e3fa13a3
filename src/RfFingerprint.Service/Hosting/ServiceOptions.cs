namespace RfFingerprint.Service.Hosting;

/// <summary>Service host settings, bound from the <c>Service</c> configuration section.</summary>
public sealed class ServiceOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Service";

    /// <summary>Default listening address: loopback only, so a fresh install exposes nothing to the network.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>Addresses Kestrel listens on (';'-separated), used unless <c>--urls</c> / <c>ASPNETCORE_URLS</c> say otherwise.</summary>
    public string Urls { get; set; } = DefaultUrls;

    /// <summary>Folder where uploaded and recorded captures are kept (relative to the working directory).</summary>
    public string CaptureDirectory { get; set; } = "captures/service";

    /// <summary>Largest accepted upload (SigMF archive or raw cf32 body), bytes.</summary>
    public long MaxUploadBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Largest accepted JSON request body, bytes.</summary>
    public long MaxJsonBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Decisions buffered per live-feed subscriber before the oldest are dropped (and counted).</summary>
    public int LiveFeedBufferPerSubscriber { get; set; } = 256;

    /// <summary>Most live-feed subscribers at once; further ones are refused with 503.</summary>
    public int LiveFeedMaxSubscribers { get; set; } = 64;
}
