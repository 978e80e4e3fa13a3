namespace RfFingerprint.OnnxRuntime;

/// <summary>How much ONNX Runtime rewrites the graph before running it (<c>GraphOptimizationLevel</c>).</summary>
public enum GraphOptimizationLevel
{
    /// <summary>No graph optimisation.</summary>
    DisableAll = 0,
    /// <summary>Semantics-preserving rewrites such as constant folding and redundant node removal.</summary>
    Basic = 1,
    /// <summary>Basic plus node fusions.</summary>
    Extended = 2,
    /// <summary>Extended plus layout optimisations.</summary>
    Layout = 3,
    /// <summary>Every optimisation the runtime has (ONNX Runtime's default).</summary>
    All = 99,
}
