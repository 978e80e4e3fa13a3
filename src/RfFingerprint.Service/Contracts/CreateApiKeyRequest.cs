namespace RfFingerprint.Service.Contracts;

/// <summary>Body of <c>POST /api/v1/apikeys</c>.</summary>
/// <param name="Name">Label, 1..200 characters.</param>
/// <param name="Role">"viewer", "operator" or "admin".</param>
public sealed record CreateApiKeyRequest(string? Name, string? Role);
