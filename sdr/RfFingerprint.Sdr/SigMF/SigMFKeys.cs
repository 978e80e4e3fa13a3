namespace RfFingerprint.Sdr.SigMF;

/// <summary>SigMF 1.2.6 core field names.</summary>
internal static class SigMFKeys
{
    public const string Global = "global";
    public const string Captures = "captures";
    public const string Annotations = "annotations";

    public const string Datatype = "core:datatype";
    public const string Version = "core:version";
    public const string SampleRate = "core:sample_rate";
    public const string NumChannels = "core:num_channels";
    public const string Sha512 = "core:sha512";
    public const string Description = "core:description";
    public const string Author = "core:author";
    public const string Hardware = "core:hw";
    public const string Recorder = "core:recorder";
    public const string License = "core:license";
    public const string TrailingBytes = "core:trailing_bytes";
    public const string Extensions = "core:extensions";

    public const string SampleStart = "core:sample_start";
    public const string Frequency = "core:frequency";
    public const string DateTime = "core:datetime";
    public const string GlobalIndex = "core:global_index";
    public const string HeaderBytes = "core:header_bytes";

    public const string SampleCount = "core:sample_count";
    public const string FreqLowerEdge = "core:freq_lower_edge";
    public const string FreqUpperEdge = "core:freq_upper_edge";
    public const string Label = "core:label";
    public const string Comment = "core:comment";
    public const string Generator = "core:generator";

    public const string ExtensionName = "name";
    public const string ExtensionVersion = "version";
    public const string ExtensionOptional = "optional";
}
