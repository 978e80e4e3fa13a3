using RfFingerprint.Registry.Entities;
using RfFingerprint.Registry.Inputs;

namespace RfFingerprint.Registry;

/// <summary>
/// The device registry as the pipeline, service and CLI see it. Thread-safe; one instance per process is enough
/// (each call opens a pooled connection). Every multi-row write runs in one transaction.
/// Deleting a device removes its enrolments and DevAddrs; its authentication events are kept with
/// <see cref="AuthenticationEvent.DeviceId"/> set to null, so history and counts survive.
/// Disposing (either way) releases the connection pool.
/// </summary>
public interface IRegistryStore : IAsyncDisposable, IDisposable
{
    /// <summary>Which database this store talks to.</summary>
    RegistryProvider Provider { get; }

    /// <summary>
    /// Brings the schema up to date (creating the SQLite file and its directory if needed). Safe to call from
    /// several processes at once. Call once at start-up before anything else.
    /// </summary>
    Task<MigrationResult> MigrateAsync(CancellationToken cancellationToken = default);

    /// <summary>Creates the device named <see cref="DeviceRegistration.Name"/> or updates it (merging DevAddrs).</summary>
    /// <exception cref="ArgumentException">Empty/over-long name or malformed DevEUI.</exception>
    Task<Device> UpsertDeviceAsync(DeviceRegistration registration, CancellationToken cancellationToken = default);

    /// <summary>The device with this id, or null.</summary>
    Task<Device?> GetDeviceAsync(long deviceId, CancellationToken cancellationToken = default);

    /// <summary>The device with this name, or null.</summary>
    Task<Device?> FindDeviceByNameAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>The device that owns this DevAddr, or null.</summary>
    Task<Device?> FindDeviceByDevAddrAsync(uint devAddr, CancellationToken cancellationToken = default);

    /// <summary>The device with this DevEUI (16 hex digits, any case, ':' '-' separators allowed), or null.</summary>
    /// <exception cref="ArgumentException">Malformed DevEUI.</exception>
    Task<Device?> FindDeviceByDevEuiAsync(string devEui, CancellationToken cancellationToken = default);

    /// <summary>All devices ordered by name.</summary>
    Task<IReadOnlyList<Device>> ListDevicesAsync(bool includeRevoked = true, CancellationToken cancellationToken = default);

    /// <summary>Marks the device revoked (kept with its enrolments and events). False when there is no such device.</summary>
    Task<bool> RevokeDeviceAsync(long deviceId, CancellationToken cancellationToken = default);

    /// <summary>Marks a revoked device active again. False when there is no such device.</summary>
    Task<bool> ReactivateDeviceAsync(long deviceId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes the device, its DevAddrs and enrolments; its events stay with a null device. False when there is no
    /// such device.
    /// </summary>
    Task<bool> DeleteDeviceAsync(long deviceId, CancellationToken cancellationToken = default);

    /// <summary>Records a model file; returns the existing row (unchanged) when the SHA-256 is already known.</summary>
    /// <exception cref="ArgumentException">Malformed digest or empty file name / input spec.</exception>
    Task<ModelVersion> RegisterModelVersionAsync(ModelVersionInfo info, CancellationToken cancellationToken = default);

    /// <summary>The model version with this id, or null.</summary>
    Task<ModelVersion?> GetModelVersionAsync(long modelVersionId, CancellationToken cancellationToken = default);

    /// <summary>The model version with this SHA-256 (64 hex digits, any case), or null.</summary>
    /// <exception cref="ArgumentException">Not 64 hex digits.</exception>
    Task<ModelVersion?> FindModelVersionAsync(string sha256, CancellationToken cancellationToken = default);

    /// <summary>All model versions, oldest first.</summary>
    Task<IReadOnlyList<ModelVersion>> ListModelVersionsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates or replaces the enrolment of a device under a model version (re-enrolling overwrites embeddings, CFO
    /// statistics, range and capture list; the id and creation time are kept).
    /// </summary>
    /// <exception cref="ArgumentException">Neither or both of embeddings/class index given, bad dimension, or NaN statistics.</exception>
    /// <exception cref="KeyNotFoundException">Unknown device, model version or capture.</exception>
    Task<Enrolment> UpsertEnrolmentAsync(EnrolmentData data, CancellationToken cancellationToken = default);

    /// <summary>The enrolment of a device under a model version, or null.</summary>
    Task<Enrolment?> GetEnrolmentAsync(long deviceId, long modelVersionId, CancellationToken cancellationToken = default);

    /// <summary>All enrolments under a model version (for loading the matcher), by device id.</summary>
    Task<IReadOnlyList<Enrolment>> ListEnrolmentsAsync(long modelVersionId, bool activeDevicesOnly = true, CancellationToken cancellationToken = default);

    /// <summary>Moves an enrolment's accepted CFO range (drift tracking). False when there is no such enrolment.</summary>
    Task<bool> UpdateCfoRangeAsync(long enrolmentId, CfoRange range, CancellationToken cancellationToken = default);

    /// <summary>Records a capture; returns the existing row when the SHA-512 is already known (idempotent).</summary>
    /// <exception cref="ArgumentException">Malformed digest, empty path/source, or non-positive sample rate.</exception>
    Task<Capture> RegisterCaptureAsync(CaptureInfo info, CancellationToken cancellationToken = default);

    /// <summary>The capture with this id, or null.</summary>
    Task<Capture?> GetCaptureAsync(long captureId, CancellationToken cancellationToken = default);

    /// <summary>The capture with this SHA-512 (128 hex digits, any case), or null.</summary>
    /// <exception cref="ArgumentException">Not 128 hex digits.</exception>
    Task<Capture?> FindCaptureAsync(string sha512, CancellationToken cancellationToken = default);

    /// <summary>
    /// Inserts events in one transaction, skipping any whose (capture, sample index) is already stored (or repeated
    /// within the batch). Returns how many rows were new. Concurrent callers never lose or duplicate rows.
    /// </summary>
    /// <exception cref="ArgumentException">Negative sample index, empty or over-long verdict, malformed claimed DevEUI, spectrogram over 64 KiB.</exception>
    Task<int> InsertEventsAsync(IReadOnlyList<AuthenticationEventData> events, CancellationToken cancellationToken = default);

    /// <summary>Events matching the filters, newest (largest id) first.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative offset or limit outside 1..10000.</exception>
    Task<IReadOnlyList<AuthenticationEvent>> QueryEventsAsync(EventQuery query, CancellationToken cancellationToken = default);

    /// <summary>Number of events matching the filters (paging ignored).</summary>
    Task<long> CountEventsAsync(EventQuery query, CancellationToken cancellationToken = default);

    /// <summary>Creates an API key; the returned plaintext is the only copy (only a salted hash is stored).</summary>
    Task<CreatedApiKey> CreateApiKeyAsync(string name, ApiKeyRole role, CancellationToken cancellationToken = default);

    /// <summary>The role of a valid, unrevoked key, or null for unknown, malformed, wrong or revoked keys.</summary>
    Task<ApiKeyRole?> VerifyApiKeyAsync(string plaintextKey, CancellationToken cancellationToken = default);

    /// <summary>Revokes the key with this prefix. False when there is no such unrevoked key.</summary>
    Task<bool> RevokeApiKeyAsync(string prefix, CancellationToken cancellationToken = default);

    /// <summary>All keys, oldest first, without hashes.</summary>
    Task<IReadOnlyList<ApiKeySummary>> ListApiKeysAsync(CancellationToken cancellationToken = default);
}
