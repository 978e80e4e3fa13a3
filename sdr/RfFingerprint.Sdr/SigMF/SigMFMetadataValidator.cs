namespace RfFingerprint.Sdr.SigMF;

/// <summary>The schema rules a writer must keep (see <see cref="SigMFMetadata.Validate"/>).</summary>
internal static class SigMFMetadataValidator
{
    public static void Validate(SigMFMetadata metadata, string fileName, long? sampleCount)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(fileName);
        var global = metadata.Global;
        if (global.NumChannels is not null and not 1)
        {
            throw new SigMFFormatException(fileName, $"{SigMFKeys.Global}.{SigMFKeys.NumChannels}", "only single-channel recordings are supported");
        }

        if (global.SampleRateHz is { } rate && !(rate > 0 && double.IsFinite(rate)))
        {
            throw new SigMFFormatException(fileName, $"{SigMFKeys.Global}.{SigMFKeys.SampleRate}", $"must be a positive number (found {rate})");
        }

        var declared = new HashSet<string>(global.Extensions.Select(e => e.Name), StringComparer.Ordinal) { "core" };
        CheckNamespaces(global.Fields.Keys, declared, fileName, SigMFKeys.Global);

        for (int i = 0; i < metadata.Captures.Count; i++)
        {
            string path = $"{SigMFKeys.Captures}[{i}]";
            var capture = metadata.Captures[i];
            CheckIndex(capture.SampleStart, fileName, path);
            if (i > 0 && capture.SampleStart <= metadata.Captures[i - 1].SampleStart)
            {
                throw new SigMFFormatException(fileName, $"{path}.{SigMFKeys.SampleStart}", "captures must be sorted by sample start with no duplicates");
            }

            CheckNamespaces(capture.Fields.Keys, declared, fileName, path);
        }

        for (int i = 0; i < metadata.Annotations.Count; i++)
        {
            string path = $"{SigMFKeys.Annotations}[{i}]";
            var annotation = metadata.Annotations[i];
            CheckIndex(annotation.SampleStart, fileName, path);
            if (i > 0 && annotation.SampleStart < metadata.Annotations[i - 1].SampleStart)
            {
                throw new SigMFFormatException(fileName, $"{path}.{SigMFKeys.SampleStart}", "annotations must be sorted by sample start");
            }

            if (annotation.SampleCount is < 0)
            {
                throw new SigMFFormatException(fileName, $"{path}.{SigMFKeys.SampleCount}", "must not be negative");
            }

            if (annotation.FreqLowerEdgeHz.HasValue != annotation.FreqUpperEdgeHz.HasValue)
            {
                throw new SigMFFormatException(fileName, $"{path}.{(annotation.FreqLowerEdgeHz.HasValue ? SigMFKeys.FreqUpperEdge : SigMFKeys.FreqLowerEdge)}",
                    "frequency edges must be given both or neither");
            }

            if (annotation.FreqLowerEdgeHz > annotation.FreqUpperEdgeHz)
            {
                throw new SigMFFormatException(fileName, $"{path}.{SigMFKeys.FreqLowerEdge}", "lower edge is above the upper edge");
            }

            CheckNamespaces(annotation.Fields.Keys, declared, fileName, path);
            if (sampleCount is { } total)
            {
                CheckInsideData(annotation, total, fileName, path);
            }
        }
    }

    /// <summary>An annotation must not reach past the last sample of the data file.</summary>
    public static void CheckInsideData(SigMFAnnotation annotation, long sampleCount, string fileName, string path)
    {
        if (annotation.SampleStart > sampleCount)
        {
            throw new SigMFFormatException(fileName, $"{path}.{SigMFKeys.SampleStart}",
                $"annotation starts at sample {annotation.SampleStart}, beyond the {sampleCount} samples of the data");
        }

        if (annotation.SampleCount is { } count && annotation.SampleStart + count > sampleCount)
        {
            throw new SigMFFormatException(fileName, $"{path}.{SigMFKeys.SampleCount}",
                $"annotation ends at sample {annotation.SampleStart + count}, beyond the {sampleCount} samples of the data");
        }
    }

    private static void CheckIndex(long index, string fileName, string path)
    {
        if (index < 0)
        {
            throw new SigMFFormatException(fileName, $"{path}.{SigMFKeys.SampleStart}", "must not be negative");
        }
    }

    private static void CheckNamespaces(IEnumerable<string> keys, HashSet<string> declared, string fileName, string path)
    {
        foreach (var key in keys)
        {
            string? ns = SigMFFields.NamespaceOf(key);
            if (ns is null)
            {
                throw new SigMFFormatException(fileName, $"{path}.{key}", "field names must have the form namespace:name");
            }

            if (!declared.Contains(ns))
            {
                throw new SigMFFormatException(fileName, $"{path}.{key}", $"namespace '{ns}' is not declared in global core:extensions");
            }
        }
    }
}
