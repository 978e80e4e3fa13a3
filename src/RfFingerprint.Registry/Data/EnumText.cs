using RfFingerprint.Registry.Entities;

namespace RfFingerprint.Registry.Data;

/// <summary>Lower-case text forms of the stored enums (shared by the EF model and the store's SQL).</summary>
internal static class EnumText
{
    public static string Of(DeviceStatus status) => status switch
    {
        DeviceStatus.Active => "active",
        DeviceStatus.Revoked => "revoked",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown device status."),
    };

    public static DeviceStatus ToDeviceStatus(string text) => text switch
    {
        "active" => DeviceStatus.Active,
        "revoked" => DeviceStatus.Revoked,
        _ => throw new FormatException($"Unknown device status '{text}' in the registry."),
    };

    public static string Of(ModelKind kind) => kind switch
    {
        ModelKind.Classifier => "classifier",
        ModelKind.Embedding => "embedding",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown model kind."),
    };

    public static ModelKind ToModelKind(string text) => text switch
    {
        "classifier" => ModelKind.Classifier,
        "embedding" => ModelKind.Embedding,
        _ => throw new FormatException($"Unknown model kind '{text}' in the registry."),
    };

    public static string Of(ApiKeyRole role) => role switch
    {
        ApiKeyRole.Viewer => "viewer",
        ApiKeyRole.Operator => "operator",
        ApiKeyRole.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown API key role."),
    };

    public static ApiKeyRole ToApiKeyRole(string text) => text switch
    {
        "viewer" => ApiKeyRole.Viewer,
        "operator" => ApiKeyRole.Operator,
        "admin" => ApiKeyRole.Admin,
        _ => throw new FormatException($"Unknown API key role '{text}' in the registry."),
    };
}
