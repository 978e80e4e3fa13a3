using RfFingerprint.Registry;
using RfFingerprint.Registry.Entities;
using RfFingerprint.Registry.Inputs;
using RfFingerprint.Sdr.SigMF;

namespace RfFingerprint.Pipeline.Captures;

/// <summary>A SigMF recording opened for replay, with its identity (SHA-512 of the samples) and its annotations.</summary>
/// <remarks>
/// The SHA-512 is computed only when asked for (registering the capture asks), on a thread-pool thread, so a replay
/// hashes the file while the receiver decodes it instead of reading it twice in a row, and uses that never register
/// (identify, spectrogram views) do not hash at all.
/// </remarks>
public sealed class OpenedCapture : IAsyncDisposable
{
    private readonly Lazy<Task<string>> _sha512;

    private OpenedCapture(SigMFFileSource source)
    {
        Source = source;
        Annotations = new CaptureAnnotations(source.Recording.Metadata.Annotations);
        _sha512 = new Lazy<Task<string>>(() => Task.Run(source.Recording.ComputeSha512), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public SigMFFileSource Source { get; }

    public SigMFRecording Recording => Source.Recording;

    public CaptureAnnotations Annotations { get; }

    public string DisplayName => Recording.DisplayName;

    /// <summary>
    /// SHA-512 of the data file: the capture's identity in the registry, so a renamed copy is still the same capture.
    /// The first call starts hashing in the background; every call returns the same task.
    /// </summary>
    /// <exception cref="SigMFFormatException">(from the task) The data file ended early.</exception>
    public Task<string> GetSha512Async() => _sha512.Value;

    /// <summary>Opens a recording (metadata and data file); problems with the metadata surface here, before anything is written.</summary>
    /// <exception cref="SigMFFormatException">The recording is malformed (the message names the file and the field).</exception>
    /// <exception cref="InvalidDataException">The recording states no sample rate.</exception>
    public static async Task<OpenedCapture> OpenAsync(string path)
    {
        var source = SigMFFileSource.Open(path);
        if (source.Recording.SampleRateHz is null)
        {
            await source.DisposeAsync();
            throw new InvalidDataException($"{source.Recording.DisplayName}: core:sample_rate is missing, so bursts cannot be timed");
        }

        return new OpenedCapture(source);
    }

    /// <summary>Registers the capture in the registry (idempotent on its SHA-512), waiting for the hash if it is still running.</summary>
    public async Task<Capture> RegisterAsync(IRegistryStore store, string source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var sha512 = await GetSha512Async().WaitAsync(cancellationToken);
        return await store.RegisterCaptureAsync(
            new CaptureInfo(Path.GetFullPath(Recording.DisplayName), sha512, source, Recording.SampleRateHz!.Value,
                Recording.FrequencyAt(0) ?? 0, Recording.TimeOfSample(0)),
            cancellationToken);
    }

    /// <summary>Closes the recording; a hash still running then fails on its next read, and that failure is ignored.</summary>
    public ValueTask DisposeAsync()
    {
        if (_sha512.IsValueCreated)
            _ = _sha512.Value.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return Source.DisposeAsync();
    }
}
