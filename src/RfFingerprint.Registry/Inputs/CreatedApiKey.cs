using RfFingerprint.Registry.Entities;

namespace RfFingerprint.Registry.Inputs;

/// <summary>A freshly created API key. <see cref="PlaintextKey"/> is shown once and never stored.</summary>
/// <param name="Id">Database key.</param>
/// <param name="Prefix">Public lookup prefix (part of the plaintext key).</param>
/// <param name="PlaintextKey">The whole key to hand to the client: "rffp_" + prefix + "_" + secret.</param>
/// <param name="Role">What the key may do.</param>
public sealed record CreatedApiKey(long Id, string Prefix, string PlaintextKey, ApiKeyRole Role);
