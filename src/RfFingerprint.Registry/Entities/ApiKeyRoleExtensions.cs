namespace RfFingerprint.Registry.Entities;

/// <summary>Role comparisons.</summary>
public static class ApiKeyRoleExtensions
{
    /// <summary>True when a key holding <paramref name="granted"/> may do what needs <paramref name="required"/>.</summary>
    public static bool Allows(this ApiKeyRole granted, ApiKeyRole required) => granted >= required;
}
