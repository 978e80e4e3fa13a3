using RfFingerprint.Registry;
using RfFingerprint.Registry.Entities;
using RfFingerprint.Registry.Inputs;
using RfFingerprint.Sdr.SigMF;

namespace RfFingerprint.Pipeline.Captures;

/// <summary>A SigMF recording opened for replay, with its identity (SHA-512 of the samples) and its annotations.</summary>
public sealed class OpenedCapture : IAsyncDisposable
{
    private OpenedCapture(SigMFFileSource source, string sha512)
    {
        Source = source;
        Sha512 = sha512;
        Annotations = new CaptureAnnotations(source.Recording.Metadata.Annotations);
    }

    public SigMFFileSource Source { get; }

    public SigMFRecording Recording => Source.Recording;

    /// <summary>SHA-512 of the data file: the capture's identity in the registry, so a renamed copy is still the same capture.</summary>
    public string Sha512 { get; }

    public CaptureAnnotations Annotations { get; }

    public string DisplayName => Recording.DisplayName;

    /// <summary>Opens and fingerprints (SHA-512) a recording; problems with the file surface here, before anything is written.</summary>
    /// <exception cref="SigMFFormatException">The recording is malformed (the message names the file and the field).</exception>
    /// <exception cref="InvalidDataException">The recording states no sample rate.</exception>
    public static async Task<OpenedCapture> OpenAsync(string path)
    {
        var source = SigMFFileSource.Open(path);
        try
        {
            if (source.Recording.SampleRateHz is null)
                throw new InvalidDataException($"{source.Recording.DisplayName}: core:sample_rate is missing, so bursts cannot be timed");
            return new OpenedCapture(source, source.Recording.ComputeSha512());
        }
        catch
        {
            await source.DisposeAsync();
            throw;
        }
    }

    /// <summary>Registers the capture in the registry (idempotent on its SHA-512).</summary>
    public Task<Capture> RegisterAsync(IRegistryStore store, string source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.RegisterCaptureAsync(
            new CaptureInfo(Path.GetFullPath(Recording.DisplayName), Sha512, source, Recording.SampleRateHz!.Value,
                Recording.FrequencyAt(0) ?? 0, Recording.TimeOfSample(0)),
            cancellationToken);
    }

    public ValueTask DisposeAsync() => Source.DisposeAsync();
}
