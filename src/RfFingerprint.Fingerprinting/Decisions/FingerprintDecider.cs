using System.Collections.Concurrent;
using System.Globalization;
using RfFingerprint.Fingerprinting.Inference;

namespace RfFingerprint.Fingerprinting.Decisions;

/// <summary>
/// Turns a model's output for one burst, the burst's CFO and the identity the packet claims into a <see cref="Decision"/>:
/// <list type="number">
/// <item>every enrolled device gets a score: its class probability (classifier) or its <see cref="EmbeddingMatcher"/>
/// distance (extractor);</item>
/// <item>with <see cref="DecisionOptions.UseCfoRule"/>, devices whose CFO range does not contain the burst's CFO are ruled
/// out (the seed paper's hybrid classifier); a non-finite CFO skips the rule;</item>
/// <item>the best remaining device is accepted if its score passes the threshold; then the claimed identity is compared
/// (<see cref="Verdict.Authenticated"/> or <see cref="Verdict.IdentityMismatch"/>);</item>
/// <item>otherwise <see cref="Verdict.CfoOutOfRange"/> when the best fingerprint match would have passed but was ruled out
/// by its CFO, else <see cref="Verdict.UnknownDevice"/>;</item>
/// <item>an authenticated burst moves its device's CFO range (<see cref="CfoRange.Track"/>) when
/// <see cref="DecisionOptions.TrackCfoDrift"/> is on; <see cref="CfoCheck.UpdatedRange"/> reports the new range.</item>
/// </list>
/// Thread-safe: scores are computed from immutable state; range updates are atomic per device.
/// </summary>
public sealed class FingerprintDecider
{
    private readonly string[] _deviceIds;
    private readonly int[] _classIndex;
    private readonly EmbeddingMatcher? _matcher;
    private readonly ConcurrentDictionary<string, CfoRange> _ranges = new(StringComparer.Ordinal);

    /// <summary>Prepares decisions for one model over the given enrolments.</summary>
    /// <param name="kind">The model's kind.</param>
    /// <param name="modelVersion">The model's version; every enrolment must belong to it.</param>
    /// <param name="enrolments">Enrolled devices (extractor: with embeddings; classifier: with a class index).</param>
    /// <param name="options">Thresholds and rules; null for the defaults.</param>
    /// <exception cref="ArgumentException">An enrolment belongs to another model version, lacks what the kind needs, or a device repeats.</exception>
    public FingerprintDecider(ModelKind kind, string modelVersion, IEnumerable<EnrolmentStatistics> enrolments, DecisionOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelVersion);
        ArgumentNullException.ThrowIfNull(enrolments);
        Options = options ?? new DecisionOptions();
        Options.Validate();
        Kind = kind;
        ModelVersion = modelVersion;
        var list = enrolments.ToArray();
        foreach (var e in list)
        {
            if (e.ModelVersion != modelVersion)
                throw new ArgumentException($"Device '{e.DeviceId}' was enrolled with model {e.ModelVersion}, not {modelVersion}; re-enrol it.", nameof(enrolments));
            if (kind == ModelKind.Extractor && e.EmbeddingCount == 0)
                throw new ArgumentException($"Device '{e.DeviceId}' has no embeddings; an extractor model needs them.", nameof(enrolments));
            if (kind == ModelKind.Classifier && e.ClassIndex is null)
                throw new ArgumentException($"Device '{e.DeviceId}' has no class index; a classifier model needs one.", nameof(enrolments));
            if (!_ranges.TryAdd(e.DeviceId, e.CfoRange))
                throw new ArgumentException($"Device '{e.DeviceId}' is enrolled twice.", nameof(enrolments));
        }

        if (kind == ModelKind.Extractor)
        {
            _matcher = new EmbeddingMatcher(list, Options.Matcher);
            _deviceIds = [.. _matcher.DeviceIds];
            _classIndex = [];
        }
        else
        {
            _deviceIds = list.Select(e => e.DeviceId).ToArray();
            _classIndex = list.Select(e => e.ClassIndex!.Value).ToArray();
        }
    }

    /// <summary>Builds a decider for a loaded model.</summary>
    public static FingerprintDecider For(FingerprintModel model, IEnumerable<EnrolmentStatistics> enrolments, DecisionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new FingerprintDecider(model.Kind, model.ModelVersion, enrolments, options);
    }

    public ModelKind Kind { get; }

    public string ModelVersion { get; }

    public DecisionOptions Options { get; }

    /// <summary>Enrolled devices.</summary>
    public IReadOnlyList<string> DeviceIds => _deviceIds;

    /// <summary>The matcher (extractor models), e.g. to <see cref="EmbeddingMatcher.Calibrate"/> a threshold; null for classifiers.</summary>
    public EmbeddingMatcher? Matcher => _matcher;

    /// <summary>A device's CFO range as it stands now (after drift tracking).</summary>
    /// <exception cref="KeyNotFoundException">The device is not enrolled.</exception>
    public CfoRange CurrentRange(string deviceId) => _ranges[deviceId];

    /// <summary>Snapshot of every device's current CFO range.</summary>
    public IReadOnlyDictionary<string, CfoRange> CurrentRanges => new Dictionary<string, CfoRange>(_ranges, StringComparer.Ordinal);

    /// <summary>Decides about one burst.</summary>
    /// <param name="modelOutput">The model's output row for the burst (probabilities or embedding).</param>
    /// <param name="cfoHz">The burst's estimated CFO, in Hz (NaN when unknown: the CFO rule and tracking are skipped).</param>
    /// <param name="claim">The identity the packet claims, or null.</param>
    /// <exception cref="ArgumentException">The output has the wrong size for the enrolments.</exception>
    public Decision Decide(ReadOnlySpan<float> modelOutput, double cfoHz, ClaimedIdentity? claim = null)
    {
        var scoreKind = Kind == ModelKind.Classifier ? ScoreKind.Probability : ScoreKind.Distance;
        int n = _deviceIds.Length;
        bool cfoKnown = double.IsFinite(cfoHz);
        if (n == 0)
        {
            return new Decision(Verdict.UnknownDevice, null, null, double.NaN, scoreKind, null, double.NaN,
                new CfoCheck(cfoHz, null, null, [], null), claim, null, ModelVersion, $"No device is enrolled for model {ModelVersion}.");
        }

        var scores = new double[n];
        if (_matcher is not null)
        {
            _matcher.Distances(modelOutput, scores);
        }
        else
        {
            for (int d = 0; d < n; d++)
            {
                if (_classIndex[d] >= modelOutput.Length)
                    throw new ArgumentException($"Device '{_deviceIds[d]}' is class {_classIndex[d]} but the model output has {modelOutput.Length} classes.", nameof(modelOutput));
                scores[d] = modelOutput[_classIndex[d]];
            }
        }

        var order = Enumerable.Range(0, n).ToArray();
        if (scoreKind == ScoreKind.Distance)
            Array.Sort(order, (a, b) => scores[a].CompareTo(scores[b]) is var c && c != 0 ? c : a.CompareTo(b));
        else
            Array.Sort(order, (a, b) => scores[b].CompareTo(scores[a]) is var c && c != 0 ? c : a.CompareTo(b));

        var ranges = new CfoRange[n];
        for (int d = 0; d < n; d++)
            ranges[d] = _ranges[_deviceIds[d]];
        bool useRule = Options.UseCfoRule && cfoKnown;
        var ruledOut = new List<string>();
        var remaining = new List<int>(n);
        foreach (int d in order)
        {
            if (useRule && !ranges[d].Contains(cfoHz))
                ruledOut.Add(_deviceIds[d]);
            else
                remaining.Add(d);
        }

        int nearest = order[0];
        string nearestId = _deviceIds[nearest];
        if (remaining.Count > 0 && Passes(scores[remaining[0]], scoreKind))
        {
            int best = remaining[0];
            string id = _deviceIds[best];
            bool? agrees = claim is null ? null : claim.DeviceId is not null && string.Equals(claim.DeviceId, id, StringComparison.Ordinal);
            var verdict = agrees == false ? Verdict.IdentityMismatch : Verdict.Authenticated;
            CfoRange? updated = null;
            if (verdict == Verdict.Authenticated && Options.TrackCfoDrift && cfoKnown)
                updated = _ranges.AddOrUpdate(id, ranges[best], (_, current) => current.Track(cfoHz, Options.CfoRange));
            string reason = verdict == Verdict.Authenticated
                ? $"Fingerprint matches {id} ({Describe(scores[best], scoreKind)})."
                : $"Fingerprint matches {id} ({Describe(scores[best], scoreKind)}) but the packet claims {claim!.Text} ({claim.DeviceId ?? "no enrolled device"}).";
            return new Decision(verdict, id, nearestId, scores[best], scoreKind,
                remaining.Count > 1 ? _deviceIds[remaining[1]] : null, remaining.Count > 1 ? scores[remaining[1]] : double.NaN,
                new CfoCheck(cfoHz, ranges[best], cfoKnown ? ranges[best].Contains(cfoHz) : null, ruledOut, updated),
                claim, agrees, ModelVersion, reason);
        }

        bool ruledOutMatch = Passes(scores[nearest], scoreKind) && useRule && !ranges[nearest].Contains(cfoHz);
        int? runnerUp = ruledOutMatch ? (remaining.Count > 0 ? remaining[0] : null) : (n > 1 ? order[1] : null);
        string why = ruledOutMatch
            ? $"Fingerprint matches {nearestId} ({Describe(scores[nearest], scoreKind)}) but the CFO {Hz(cfoHz)} is outside its range [{Hz(ranges[nearest].LowerHz)}, {Hz(ranges[nearest].UpperHz)}]."
            : $"The nearest device {nearestId} ({Describe(scores[nearest], scoreKind)}) does not pass the threshold {Threshold(scoreKind)}.";
        return new Decision(ruledOutMatch ? Verdict.CfoOutOfRange : Verdict.UnknownDevice, null, nearestId, scores[nearest], scoreKind,
            runnerUp is int r ? _deviceIds[r] : null, runnerUp is int s ? scores[s] : double.NaN,
            new CfoCheck(cfoHz, ranges[nearest], cfoKnown ? ranges[nearest].Contains(cfoHz) : null, ruledOut, null),
            claim, null, ModelVersion, why);
    }

    private bool Passes(double score, ScoreKind kind) =>
        kind == ScoreKind.Distance ? score <= Options.DistanceThreshold : score >= Options.MinimumProbability;

    private string Threshold(ScoreKind kind) => kind == ScoreKind.Distance
        ? "distance <= " + Options.DistanceThreshold.ToString("G4", CultureInfo.InvariantCulture)
        : "probability >= " + Options.MinimumProbability.ToString("G4", CultureInfo.InvariantCulture);

    private static string Describe(double score, ScoreKind kind) =>
        (kind == ScoreKind.Distance ? "distance " : "probability ") + score.ToString("G4", CultureInfo.InvariantCulture);

    private static string Hz(double value) => value.ToString("F0", CultureInfo.InvariantCulture) + " Hz";
}
