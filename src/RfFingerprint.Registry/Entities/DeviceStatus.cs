namespace RfFingerprint.Registry.Entities;

/// <summary>Whether a device may still authenticate. Stored as lower-case text ("active", "revoked").</summary>
public enum DeviceStatus
{
    /// <summary>The device authenticates normally.</summary>
    Active,

    /// <summary>The device is kept for its history but every burst matching it is refused.</summary>
    Revoked,
}
