namespace RfFingerprint.Pipeline.Evaluation;

/// <summary>Progress of one step of an evaluation run.</summary>
/// <param name="Step">What runs (e.g. <c>simulate day 1</c>).</param>
/// <param name="Done">Units done (bursts, epochs…).</param>
/// <param name="Total">Units of the step (0 when unknown).</param>
public readonly record struct EvaluationProgress(string Step, int Done, int Total);
