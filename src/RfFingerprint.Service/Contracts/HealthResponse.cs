namespace RfFingerprint.Service.Contracts;

/// <summary>Overall health and each component's.</summary>
/// <param name="Status">"ok" or "failed" (the registry decides: without it the service cannot work).</param>
/// <param name="Components">Per component: registry, radio, model.</param>
public sealed record HealthResponse(string Status, IReadOnlyDictionary<string, ComponentHealth> Components);

/// <summary>One component's health.</summary>
/// <param name="Status">"ok", "stopped", "failed", "missing", ...</param>
/// <param name="Detail">One line for a person.</param>
public sealed record ComponentHealth(string Status, string Detail);

/// <summary>A part of the service that reports its own health (radio, model).</summary>
public interface IHealthContributor
{
    /// <summary>Component name in <see cref="HealthResponse.Components"/>.</summary>
    string Name { get; }

    /// <summary>Current health; must not block.</summary>
    ComponentHealth Check();
}
