using RfFingerprint.Fingerprinting.Decisions;
using RfFingerprint.Registry;
using RfFingerprint.Registry.Entities;
using RegistryCfoRange = RfFingerprint.Registry.Inputs.CfoRange;

namespace RfFingerprint.Pipeline.Registry;

/// <summary>
/// The active devices enrolled for one model version, as the decider needs them (device names as identifiers),
/// plus the identities (DevAddr, DevEUI) each device may claim.
/// </summary>
public sealed class EnrolledPopulation
{
    private readonly Dictionary<string, Device> _devicesByName;
    private readonly Dictionary<string, long> _enrolmentIdByName;
    private readonly Dictionary<uint, string> _nameByDevAddr;
    private readonly Dictionary<string, string> _nameByDevEui;

    private EnrolledPopulation(
        IReadOnlyList<EnrolmentStatistics> enrolments,
        Dictionary<string, Device> devicesByName,
        Dictionary<string, long> enrolmentIdByName,
        Dictionary<uint, string> nameByDevAddr,
        Dictionary<string, string> nameByDevEui)
    {
        Enrolments = enrolments;
        _devicesByName = devicesByName;
        _enrolmentIdByName = enrolmentIdByName;
        _nameByDevAddr = nameByDevAddr;
        _nameByDevEui = nameByDevEui;
    }

    /// <summary>One entry per active enrolled device, identified by device name.</summary>
    public IReadOnlyList<EnrolmentStatistics> Enrolments { get; }

    /// <summary>Loads the active devices' enrolments for <paramref name="modelVersion"/> and every device's known identities.</summary>
    public static async Task<EnrolledPopulation> LoadAsync(IRegistryStore store, ModelVersion modelVersion, string modelVersionName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(modelVersion);
        var devices = await store.ListDevicesAsync(includeRevoked: true, cancellationToken);
        var byId = devices.ToDictionary(d => d.Id);
        var enrolments = await store.ListEnrolmentsAsync(modelVersion.Id, activeDevicesOnly: true, cancellationToken);
        var statistics = new List<EnrolmentStatistics>(enrolments.Count);
        var enrolmentIds = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var enrolment in enrolments)
        {
            var name = byId[enrolment.DeviceId].Name;
            var cfo = new CfoStatistics(enrolment.CfoMeanHz, enrolment.CfoStdHz, enrolment.CfoMinHz, enrolment.CfoMaxHz, checked((int)enrolment.CfoCount));
            var stored = enrolment.CfoRange;
            var range = new CfoRange((stored.LowerHz + stored.UpperHz) / 2, stored.LowerHz, stored.UpperHz);
            statistics.Add(new EnrolmentStatistics
            {
                DeviceId = name,
                ModelVersion = modelVersionName,
                EmbeddingDimension = enrolment.EmbeddingDimension,
                Embeddings = enrolment.DecodeEmbeddings(),
                ClassIndex = enrolment.ClassIndex,
                Cfo = cfo,
                CfoRange = range,
            });
            enrolmentIds[name] = enrolment.Id;
        }

        var nameByDevAddr = new Dictionary<uint, string>();
        var nameByDevEui = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var device in devices)
        {
            foreach (var address in device.Addresses)
                nameByDevAddr[address.DevAddr] = device.Name;
            if (device.DevEui is { } devEui)
                nameByDevEui[devEui] = device.Name;
        }

        return new EnrolledPopulation(statistics, devices.ToDictionary(d => d.Name, StringComparer.Ordinal), enrolmentIds, nameByDevAddr, nameByDevEui);
    }

    /// <summary>The registry's device called <paramref name="name"/>, or null.</summary>
    public Device? Device(string? name) => name is not null && _devicesByName.TryGetValue(name, out var device) ? device : null;

    /// <summary>The identity the burst's frame claims, mapped to the device that owns it (if any).</summary>
    public ClaimedIdentity? Claim(ReceivedBurst burst)
    {
        ArgumentNullException.ThrowIfNull(burst);
        var text = burst.ClaimText;
        if (text is null)
            return null;
        string? owner = null;
        if (burst.Lorawan?.DevEui is { } devEui)
            _nameByDevEui.TryGetValue(devEui.ToString("X16", System.Globalization.CultureInfo.InvariantCulture), out owner);
        else if (burst.Lorawan?.DevAddr is { } devAddr)
            _nameByDevAddr.TryGetValue(devAddr, out owner);
        return new ClaimedIdentity(text, owner);
    }

    /// <summary>Writes drift-tracked CFO ranges back to the registry so the next run starts from them.</summary>
    public async Task SaveRangesAsync(IRegistryStore store, IReadOnlyDictionary<string, CfoRange> ranges, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(ranges);
        foreach (var enrolment in Enrolments)
        {
            if (ranges.TryGetValue(enrolment.DeviceId, out var range) && range != enrolment.CfoRange)
                await store.UpdateCfoRangeAsync(_enrolmentIdByName[enrolment.DeviceId], new RegistryCfoRange(range.LowerHz, range.UpperHz), cancellationToken);
        }
    }
}
