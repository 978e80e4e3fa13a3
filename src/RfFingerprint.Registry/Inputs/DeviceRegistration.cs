namespace RfFingerprint.Registry.Inputs;

/// <summary>What <see cref="IRegistryStore.UpsertDeviceAsync"/> writes for a device, found by <see cref="Name"/>.</summary>
public sealed record DeviceRegistration
{
    /// <summary>Unique device name (1..200 characters).</summary>
    public required string Name { get; init; }

    /// <summary>DevEUI as 16 hex digits (any case, optional ':' or '-' separators); null keeps the stored one.</summary>
    public string? DevEui { get; init; }

    /// <summary>DevAddrs to attach (added to those already known; taken from another device if it had them).</summary>
    public IReadOnlyList<uint> DevAddrs { get; init; } = [];

    /// <summary>Hardware notes; null keeps the stored ones.</summary>
    public string? HardwareNotes { get; init; }
}
