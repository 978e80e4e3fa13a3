using RfFingerprint.Fingerprinting.Decisions;

namespace RfFingerprint.Pipeline.UseCases;

/// <summary>The stable, snake_case names of verdicts used in the registry, JSON output and the API.</summary>
public static class VerdictNames
{
    public static string ToText(Verdict verdict) => verdict switch
    {
        Verdict.Authenticated => "authenticated",
        Verdict.UnknownDevice => "unknown_device",
        Verdict.IdentityMismatch => "identity_mismatch",
        Verdict.CfoOutOfRange => "cfo_out_of_range",
        Verdict.Undecodable => "undecodable",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, "Unknown verdict."),
    };

    /// <summary>Every verdict name, in enum order.</summary>
    public static IReadOnlyList<string> All { get; } = Enum.GetValues<Verdict>().Select(ToText).ToArray();
}
