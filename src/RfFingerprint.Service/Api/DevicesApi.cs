using Microsoft.AspNetCore.Http.HttpResults;
using RfFingerprint.Registry;
using RfFingerprint.Registry.Inputs;
using RfFingerprint.Service.Contracts;
using RfFingerprint.Service.Processing;
using RfFingerprint.Service.Security;

namespace RfFingerprint.Service.Api;

/// <summary><c>/api/v1/devices</c>: the registry's devices. Viewers read; admins create, revoke and delete.</summary>
public static class DevicesApi
{
    /// <summary>Maps the device endpoints onto <paramref name="api"/>.</summary>
    public static RouteGroupBuilder MapDevicesApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/devices").WithTags("Devices");

        group.MapGet("/", ListDevices).WithName("ListDevices").WithSummary("List devices, ordered by name").RequireViewer();
        group.MapGet("/{id:long}", GetDevice).WithName("GetDevice").WithSummary("Get one device").ProducesProblem(StatusCodes.Status404NotFound).RequireViewer();
        group.MapPost("/", CreateDevice).WithName("CreateDevice")
            .WithSummary("Create a device, or update the one with the same name (DevAddrs are merged)").RequireAdmin();
        group.MapPost("/{id:long}/revoke", RevokeDevice).WithName("RevokeDevice")
            .WithSummary("Revoke a device: it is kept with its history, but no burst authenticates as it").ProducesProblem(StatusCodes.Status404NotFound).RequireAdmin();
        group.MapPost("/{id:long}/reactivate", ReactivateDevice).WithName("ReactivateDevice")
            .WithSummary("Make a revoked device active again").ProducesProblem(StatusCodes.Status404NotFound).RequireAdmin();
        group.MapDelete("/{id:long}", DeleteDevice).WithName("DeleteDevice")
            .WithSummary("Delete a device and its enrolments (its events are kept without a device)").ProducesProblem(StatusCodes.Status404NotFound).RequireAdmin();
        return group;
    }

    internal static async Task<Ok<List<DeviceResponse>>> ListDevices(IRegistryStore registry, bool? includeRevoked, CancellationToken cancellationToken)
    {
        var devices = await registry.ListDevicesAsync(includeRevoked ?? true, cancellationToken);
        return TypedResults.Ok(devices.Select(DeviceResponse.From).ToList());
    }

    internal static async Task<Results<Ok<DeviceResponse>, ProblemHttpResult>> GetDevice(long id, IRegistryStore registry, CancellationToken cancellationToken)
    {
        var device = await registry.GetDeviceAsync(id, cancellationToken);
        return device is null ? Problems.NotFound($"device {id} does not exist") : TypedResults.Ok(DeviceResponse.From(device));
    }

    internal static async Task<Results<Ok<DeviceResponse>, ValidationProblem>> CreateDevice(CreateDeviceRequest request, IRegistryStore registry, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        validation.RequireText("name", request.Name, 200);
        validation.OptionalText("hardwareNotes", request.HardwareNotes, 2000);
        var devEui = validation.DevEui("devEui", request.DevEui);
        var devAddrs = new List<uint>();
        if (request.DevAddrs is { Count: > 64 })
        {
            validation.Add("devAddrs", "at most 64 DevAddrs per request");
        }
        else
        {
            foreach (var (text, index) in (request.DevAddrs ?? []).Select((t, i) => (t, i)))
            {
                if (validation.DevAddr($"devAddrs[{index}]", text) is { } devAddr)
                {
                    devAddrs.Add(devAddr);
                }
            }
        }

        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        var device = await registry.UpsertDeviceAsync(
            new DeviceRegistration { Name = request.Name!.Trim(), DevEui = devEui, DevAddrs = devAddrs, HardwareNotes = request.HardwareNotes },
            cancellationToken);
        return TypedResults.Ok(DeviceResponse.From(device));
    }

    internal static async Task<Results<Ok<DeviceResponse>, ProblemHttpResult>> RevokeDevice(long id, IRegistryStore registry, PipelineProvider pipelines, CancellationToken cancellationToken)
    {
        if (!await registry.RevokeDeviceAsync(id, cancellationToken))
        {
            return Problems.NotFound($"device {id} does not exist");
        }

        // Decisions must stop (or resume) matching this device from the next burst on.
        pipelines.InvalidateEnrolments();
        return TypedResults.Ok(DeviceResponse.From((await registry.GetDeviceAsync(id, cancellationToken))!));
    }

    internal static async Task<Results<Ok<DeviceResponse>, ProblemHttpResult>> ReactivateDevice(long id, IRegistryStore registry, PipelineProvider pipelines, CancellationToken cancellationToken)
    {
        if (!await registry.ReactivateDeviceAsync(id, cancellationToken))
        {
            return Problems.NotFound($"device {id} does not exist");
        }

        // Decisions must stop (or resume) matching this device from the next burst on.
        pipelines.InvalidateEnrolments();
        return TypedResults.Ok(DeviceResponse.From((await registry.GetDeviceAsync(id, cancellationToken))!));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteDevice(long id, IRegistryStore registry, PipelineProvider pipelines, CancellationToken cancellationToken)
    {
        if (!await registry.DeleteDeviceAsync(id, cancellationToken))
        {
            return Problems.NotFound($"device {id} does not exist");
        }

        pipelines.InvalidateEnrolments();
        return TypedResults.NoContent();
    }
}
