namespace RfFingerprint.Registry.Entities;

/// <summary>What an API key may do; each role includes the ones below it. Stored as lower-case text.</summary>
public enum ApiKeyRole
{
    /// <summary>Read devices, events and dashboards.</summary>
    Viewer = 0,

    /// <summary>Viewer, plus start replays, captures and enrolments.</summary>
    Operator = 1,

    /// <summary>Operator, plus manage devices and API keys.</summary>
    Admin = 2,
}
