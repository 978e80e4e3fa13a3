namespace RfFingerprint.Fingerprinting.Evaluation;

/// <summary>
/// Rogue-detection scores (distance to the nearest enrolled device; lower = more like an enrolled device) with the
/// device that sent each burst, so that intervals can resample whole devices: bursts of one device are not independent.
/// </summary>
public sealed record OpenSetScores
{
    /// <exception cref="ArgumentException">A score list and its device list differ in length.</exception>
    public OpenSetScores(IReadOnlyList<double> knownScores, IReadOnlyList<string> knownDevices, IReadOnlyList<double> rogueScores, IReadOnlyList<string> rogueDevices)
    {
        ArgumentNullException.ThrowIfNull(knownScores);
        ArgumentNullException.ThrowIfNull(knownDevices);
        ArgumentNullException.ThrowIfNull(rogueScores);
        ArgumentNullException.ThrowIfNull(rogueDevices);
        if (knownScores.Count != knownDevices.Count)
            throw new ArgumentException($"{knownScores.Count} known scores but {knownDevices.Count} known devices.", nameof(knownDevices));
        if (rogueScores.Count != rogueDevices.Count)
            throw new ArgumentException($"{rogueScores.Count} rogue scores but {rogueDevices.Count} rogue devices.", nameof(rogueDevices));
        KnownScores = knownScores;
        KnownDevices = knownDevices;
        RogueScores = rogueScores;
        RogueDevices = rogueDevices;
    }

    /// <summary>Scores of bursts from enrolled devices.</summary>
    public IReadOnlyList<double> KnownScores { get; }

    /// <summary>Sender of each known score.</summary>
    public IReadOnlyList<string> KnownDevices { get; }

    /// <summary>Scores of bursts from devices that were not enrolled.</summary>
    public IReadOnlyList<double> RogueScores { get; }

    /// <summary>Sender of each rogue score.</summary>
    public IReadOnlyList<string> RogueDevices { get; }

    /// <summary>
    /// Pools several measurements (e.g. one per group of enrolled devices). A device keeps its name across parts, so
    /// a device that is rogue to several groups stays one unit when intervals resample devices.
    /// </summary>
    public static OpenSetScores Concat(IEnumerable<OpenSetScores> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var list = parts.ToList();
        return new OpenSetScores(
            list.SelectMany(p => p.KnownScores).ToArray(), list.SelectMany(p => p.KnownDevices).ToArray(),
            list.SelectMany(p => p.RogueScores).ToArray(), list.SelectMany(p => p.RogueDevices).ToArray());
    }
}
