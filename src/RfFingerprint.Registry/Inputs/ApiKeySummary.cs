using RfFingerprint.Registry.Entities;

namespace RfFingerprint.Registry.Inputs;

/// <summary>An API key as listed: everything except its hash and salt.</summary>
public sealed record ApiKeySummary(long Id, string Name, string Prefix, ApiKeyRole Role, DateTimeOffset CreatedUtc, DateTimeOffset? RevokedUtc);
