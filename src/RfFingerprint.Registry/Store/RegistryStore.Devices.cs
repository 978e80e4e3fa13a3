using System.Data.Common;
using System.Globalization;
using RfFingerprint.Registry.Data;
using RfFingerprint.Registry.Entities;
using RfFingerprint.Registry.Inputs;

namespace RfFingerprint.Registry.Store;

internal sealed partial class RegistryStore
{
    private const string DeviceColumns = "id, name, dev_eui, hardware_notes, status, created_utc, updated_utc";

    public Task<Device> UpsertDeviceAsync(DeviceRegistration registration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var name = Identifiers.RequireText(registration.Name, 200, nameof(registration));
        var devEui = registration.DevEui is null ? null : Identifiers.NormalizeDevEui(registration.DevEui, nameof(registration));
        var now = Now();
        return WriteAsync(
            async (connection, transaction) =>
            {
                if (devEui is not null)
                {
                    await using var owner = connection.Command("SELECT name FROM devices WHERE dev_eui = @eui AND name <> @name", transaction)
                        .With("@eui", devEui).With("@name", name);
                    if (await owner.ExecuteScalarAsync(cancellationToken) is string other)
                    {
                        throw new InvalidOperationException($"DevEUI {devEui} already belongs to device '{other}'.");
                    }
                }

                await using var upsert = connection.Command(
                    """
                    INSERT INTO devices (name, dev_eui, hardware_notes, status, created_utc, updated_utc)
                    VALUES (@name, @eui, @notes, @status, @now, @now)
                    ON CONFLICT (name) DO UPDATE SET
                        dev_eui = COALESCE(excluded.dev_eui, devices.dev_eui),
                        hardware_notes = COALESCE(excluded.hardware_notes, devices.hardware_notes),
                        updated_utc = excluded.updated_utc
                    RETURNING id
                    """,
                    transaction)
                    .With("@name", name).With("@eui", devEui).With("@notes", registration.HardwareNotes)
                    .With("@status", EnumText.Of(DeviceStatus.Active)).With("@now", _dialect.ToDb(now));
                var id = Convert.ToInt64(await upsert.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);

                if (registration.DevAddrs.Count > 0)
                {
                    // A DevAddr moves to the device that now claims it; re-adding an owned address changes nothing.
                    await using var address = connection.Command(
                        """
                        INSERT INTO device_addresses (dev_addr, device_id, added_utc) VALUES (@addr, @device, @now)
                        ON CONFLICT (dev_addr) DO UPDATE SET device_id = excluded.device_id, added_utc = excluded.added_utc
                        WHERE device_addresses.device_id <> excluded.device_id
                        """,
                        transaction)
                        .With("@addr", 0L).With("@device", id).With("@now", _dialect.ToDb(now));
                    foreach (var devAddr in registration.DevAddrs.Distinct())
                    {
                        address.Set("@addr", (long)devAddr);
                        await address.ExecuteNonQueryAsync(cancellationToken);
                    }
                }

                return (await LoadDevicesAsync(connection, transaction, "WHERE id = @p", id, cancellationToken))[0];
            },
            cancellationToken);
    }

    public Task<Device?> GetDeviceAsync(long deviceId, CancellationToken cancellationToken = default) =>
        FindDeviceAsync("WHERE id = @p", deviceId, cancellationToken);

    public Task<Device?> FindDeviceByNameAsync(string name, CancellationToken cancellationToken = default) =>
        FindDeviceAsync("WHERE name = @p", name, cancellationToken);

    public Task<Device?> FindDeviceByDevAddrAsync(uint devAddr, CancellationToken cancellationToken = default) =>
        FindDeviceAsync("WHERE id = (SELECT device_id FROM device_addresses WHERE dev_addr = @p)", (long)devAddr, cancellationToken);

    public Task<Device?> FindDeviceByDevEuiAsync(string devEui, CancellationToken cancellationToken = default) =>
        FindDeviceAsync("WHERE dev_eui = @p", Identifiers.NormalizeDevEui(devEui, nameof(devEui)), cancellationToken);

    public Task<IReadOnlyList<Device>> ListDevicesAsync(bool includeRevoked = true, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<Device>>(
            async connection => await LoadDevicesAsync(
                connection,
                null,
                // Every stored status differs from the empty string, so that form selects all devices.
                includeRevoked ? "WHERE status <> @p" : "WHERE status = @p",
                includeRevoked ? string.Empty : EnumText.Of(DeviceStatus.Active),
                cancellationToken),
            cancellationToken);

    public Task<bool> RevokeDeviceAsync(long deviceId, CancellationToken cancellationToken = default) =>
        SetStatusAsync(deviceId, DeviceStatus.Revoked, cancellationToken);

    public Task<bool> ReactivateDeviceAsync(long deviceId, CancellationToken cancellationToken = default) =>
        SetStatusAsync(deviceId, DeviceStatus.Active, cancellationToken);

    public Task<bool> DeleteDeviceAsync(long deviceId, CancellationToken cancellationToken = default) =>
        WriteAsync(
            async (connection, transaction) =>
            {
                // Foreign keys do the rest: addresses and enrolments cascade, events get a null device.
                await using var delete = connection.Command("DELETE FROM devices WHERE id = @id", transaction).With("@id", deviceId);
                return await delete.ExecuteNonQueryAsync(cancellationToken) == 1;
            },
            cancellationToken);

    private Task<bool> SetStatusAsync(long deviceId, DeviceStatus status, CancellationToken cancellationToken) =>
        WriteAsync(
            async (connection, transaction) =>
            {
                await using var update = connection.Command("UPDATE devices SET status = @status, updated_utc = @now WHERE id = @id", transaction)
                    .With("@status", EnumText.Of(status)).With("@now", _dialect.ToDb(Now())).With("@id", deviceId);
                return await update.ExecuteNonQueryAsync(cancellationToken) == 1;
            },
            cancellationToken);

    private Task<Device?> FindDeviceAsync(string where, object value, CancellationToken cancellationToken) =>
        ReadAsync(
            async connection => (await LoadDevicesAsync(connection, null, where, value, cancellationToken)).FirstOrDefault(),
            cancellationToken);

    /// <summary>Devices matching <paramref name="where"/> (one parameter "@p"), with their addresses, by name.</summary>
    private async Task<List<Device>> LoadDevicesAsync(
        DbConnection connection, DbTransaction? transaction, string where, object value, CancellationToken cancellationToken)
    {
        var devices = new List<Device>();
        await using (var select = connection.Command($"SELECT {DeviceColumns} FROM devices {where} ORDER BY name", transaction).With("@p", value))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                devices.Add(new Device
                {
                    Id = reader.GetInt64(0),
                    Name = reader.GetString(1),
                    DevEui = reader.GetNullableString(2),
                    HardwareNotes = reader.GetNullableString(3),
                    Status = EnumText.ToDeviceStatus(reader.GetString(4)),
                    CreatedUtc = _dialect.ReadTime(reader, 5),
                    UpdatedUtc = _dialect.ReadTime(reader, 6),
                });
            }
        }

        if (devices.Count == 0)
        {
            return devices;
        }

        var byId = devices.ToDictionary(d => d.Id);
        await using (var select = connection.Command(
            $"SELECT dev_addr, device_id, added_utc FROM device_addresses WHERE device_id IN (SELECT id FROM devices {where}) ORDER BY dev_addr",
            transaction).With("@p", value))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var address = new DeviceAddress
                {
                    DevAddr = checked((uint)reader.GetInt64(0)),
                    DeviceId = reader.GetInt64(1),
                    AddedUtc = _dialect.ReadTime(reader, 2),
                };
                byId[address.DeviceId].Addresses.Add(address);
            }
        }

        return devices;
    }
}
