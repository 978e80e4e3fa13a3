using RfFingerprint.Sdr.SigMF;

namespace RfFingerprint.Pipeline.Captures;

/// <summary>
/// Which device each annotated stretch of a recording belongs to, read from the annotation's <c>rffp:device</c> field
/// (written by the simulator and by the burst recorder) or, failing that, its label.
/// </summary>
public sealed class CaptureAnnotations
{
    /// <summary>Annotation field naming the transmitting device.</summary>
    public const string DeviceField = "rffp:device";

    private readonly (long Start, long End, string Device)[] _spans;

    public CaptureAnnotations(IEnumerable<SigMFAnnotation> annotations, IReadOnlySet<string>? knownLabels = null)
    {
        ArgumentNullException.ThrowIfNull(annotations);
        _spans = annotations
            .Select(a => (a.SampleStart, End: a.SampleStart + (a.SampleCount ?? 1), Device: DeviceOf(a, knownLabels)))
            .Where(a => a.Device is not null)
            .Select(a => (a.SampleStart, a.End, a.Device!))
            .OrderBy(a => a.SampleStart)
            .ToArray();
    }

    /// <summary>True when at least one annotation names a device.</summary>
    public bool NamesDevices => _spans.Length > 0;

    /// <summary>Every device named in the recording.</summary>
    public IReadOnlySet<string> Devices => _spans.Select(s => s.Device).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The device named by the annotation that contains <paramref name="sample"/>, allowing <paramref name="toleranceSamples"/>
    /// before its start (a detector's burst start and an annotation's may differ by a fraction of a symbol).
    /// </summary>
    public string? DeviceAt(long sample, long toleranceSamples)
    {
        foreach (var (start, end, device) in _spans)
        {
            if (start - toleranceSamples > sample)
                break;
            if (sample < end)
                return device;
        }

        return null;
    }

    private static string? DeviceOf(SigMFAnnotation annotation, IReadOnlySet<string>? knownLabels)
    {
        if (annotation.Fields.TryGetValue(DeviceField, out var node) && node is not null)
            return node.GetValue<string>();
        return annotation.Label is { } label && knownLabels?.Contains(label) == true ? label : null;
    }
}
