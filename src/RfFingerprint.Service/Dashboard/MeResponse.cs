namespace RfFingerprint.Service.Dashboard;

/// <summary>Who the caller's API key is: the dashboard shows only the actions of this role.</summary>
/// <param name="Role">"viewer", "operator" or "admin".</param>
/// <param name="KeyPrefix">Public prefix of the key (never the secret part).</param>
public sealed record MeResponse(string Role, string? KeyPrefix);
