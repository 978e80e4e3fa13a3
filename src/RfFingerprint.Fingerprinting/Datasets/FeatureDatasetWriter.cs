using System.Runtime.InteropServices;
using RfFingerprint.Fingerprinting.Features;

namespace RfFingerprint.Fingerprinting.Datasets;

/// <summary>
/// Streams per-burst features to disk and finishes them as the training .npz read by <c>models/train.py</c>:
/// <list type="bullet">
/// <item><c>features</c> float32 [N, 1, F, T] (row-major frequency x time, as <see cref="SpectrogramExtractor"/> writes);</item>
/// <item><c>labels</c> int32 [N], 0-based index into <c>device_names</c>;</item>
/// <item><c>cfo_hz</c> float64 [N], <c>snr_db</c> float64 [N] (NaN where unknown);</item>
/// <item><c>device_names</c> unicode [D];</item>
/// <item><c>preprocessing</c> 0-d unicode: <see cref="PreprocessingParameters.ToJson"/>.</item>
/// </list>
/// Features go to a temporary file beside the destination while bursts are added, so memory stays flat; the
/// archive appears under its final name only when <see cref="Complete"/> succeeds. Not thread-safe.
/// </summary>
public sealed class FeatureDatasetWriter : IDisposable
{
    private readonly string _path;
    private readonly string _featuresTempPath;
    private readonly FileStream _features;
    private readonly List<int> _labels = [];
    private readonly List<double> _cfoHz = [];
    private readonly List<double> _snrDb = [];
    private readonly List<string> _deviceNames = [];
    private readonly Dictionary<string, int> _labelByName = new(StringComparer.Ordinal);
    private bool _completed;
    private bool _disposed;

    /// <summary>Starts a dataset at <paramref name="path"/> for features made with <paramref name="parameters"/>.</summary>
    /// <param name="path">Destination .npz file (replaced on completion).</param>
    /// <param name="parameters">The extractor's parameters; fix the feature shape and are stored in the archive.</param>
    /// <param name="deviceNames">Optional names to take labels 0, 1, ... in this order; others get the next label when first added.</param>
    /// <exception cref="ArgumentException">The parameters are invalid or a device name repeats.</exception>
    public FeatureDatasetWriter(string path, PreprocessingParameters parameters, IEnumerable<string>? deviceNames = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Validate();
        Parameters = parameters;
        _path = Path.GetFullPath(path);
        foreach (string name in deviceNames ?? [])
        {
            if (!_labelByName.TryAdd(name, _deviceNames.Count))
                throw new ArgumentException($"Device name '{name}' appears twice.", nameof(deviceNames));
            _deviceNames.Add(name);
        }

        _featuresTempPath = _path + ".features.tmp";
        _features = new FileStream(_featuresTempPath, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
    }

    /// <summary>The preprocessing the features were made with.</summary>
    public PreprocessingParameters Parameters { get; }

    /// <summary>Bursts added so far.</summary>
    public int Count => _labels.Count;

    /// <summary>Device names in label order.</summary>
    public IReadOnlyList<string> DeviceNames => _deviceNames;

    /// <summary>Appends one burst and returns its label.</summary>
    /// <param name="features">Exactly <see cref="PreprocessingParameters.FeatureLength"/> floats.</param>
    /// <param name="deviceName">Who sent the burst (ground truth).</param>
    /// <param name="cfoHz">The burst's estimated CFO, in Hz.</param>
    /// <param name="snrDb">The burst's estimated SNR, in dB (NaN if unknown).</param>
    /// <exception cref="ArgumentException">The features have the wrong length or the device name is empty.</exception>
    /// <exception cref="InvalidOperationException">The dataset was already completed.</exception>
    public int Add(ReadOnlySpan<float> features, string deviceName, double cfoHz, double snrDb)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed)
            throw new InvalidOperationException("The dataset is already complete.");
        if (features.Length != Parameters.FeatureLength)
            throw new ArgumentException($"Expected {Parameters.FeatureLength} feature values ({Parameters.FrequencyBins} x {Parameters.TimeFrames}), got {features.Length}.", nameof(features));
        ArgumentException.ThrowIfNullOrWhiteSpace(deviceName);
        if (!_labelByName.TryGetValue(deviceName, out int label))
        {
            label = _deviceNames.Count;
            _labelByName.Add(deviceName, label);
            _deviceNames.Add(deviceName);
        }

        _features.Write(MemoryMarshal.AsBytes(features));
        _labels.Add(label);
        _cfoHz.Add(cfoHz);
        _snrDb.Add(snrDb);
        return label;
    }

    /// <summary>Writes the .npz (to a temporary name, then moved over <c>path</c>).</summary>
    /// <exception cref="InvalidOperationException">Called twice.</exception>
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed)
            throw new InvalidOperationException("The dataset is already complete.");
        string partial = _path + ".partial";
        using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write))
        using (var npz = new NpzWriter(file))
        {
            long[] featureShape = [Count, 1, Parameters.FrequencyBins, Parameters.TimeFrames];
            using (var member = npz.OpenArray("features", "<f4", featureShape))
            {
                _features.Flush();
                _features.Position = 0;
                _features.CopyTo(member);
            }

            npz.Write("labels", CollectionsMarshal.AsSpan(_labels), [Count]);
            npz.Write("cfo_hz", CollectionsMarshal.AsSpan(_cfoHz), [Count]);
            npz.Write("snr_db", CollectionsMarshal.AsSpan(_snrDb), [Count]);
            npz.WriteStrings("device_names", _deviceNames, [_deviceNames.Count]);
            npz.WriteStrings("preprocessing", [Parameters.ToJson()], []);
        }

        File.Move(partial, _path, overwrite: true);
        _completed = true;
    }

    /// <summary>Deletes the temporary features; an incomplete dataset leaves nothing behind.</summary>
    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        _features.Dispose();
    }
}
