using Microsoft.AspNetCore.Http.HttpResults;
using RfFingerprint.Registry;
using RfFingerprint.Registry.Entities;
using RfFingerprint.Registry.Inputs;
using RfFingerprint.Service.Contracts;
using RfFingerprint.Service.Security;

namespace RfFingerprint.Service.Api;

/// <summary><c>/api/v1/apikeys</c>: key management, admins only. Keys are stored hashed; a new key is shown once.</summary>
public static class ApiKeysApi
{
    /// <summary>Maps the API-key endpoints onto <paramref name="api"/>.</summary>
    public static RouteGroupBuilder MapApiKeysApi(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/apikeys").WithTags("API keys");
        group.MapGet("/", ListKeys).WithName("ListApiKeys").WithSummary("All keys, oldest first, without secrets").RequireAdmin();
        group.MapPost("/", CreateKey).WithName("CreateApiKey")
            .WithSummary("Create a key; the response carries the only copy of its plaintext").RequireAdmin();
        group.MapDelete("/{prefix}", RevokeKey).WithName("RevokeApiKey").WithSummary("Revoke the key with this prefix").RequireAdmin();
        return group;
    }

    internal static async Task<Ok<IReadOnlyList<ApiKeySummary>>> ListKeys(IRegistryStore registry, CancellationToken cancellationToken) =>
        TypedResults.Ok(await registry.ListApiKeysAsync(cancellationToken));

    internal static async Task<Results<Ok<CreatedApiKey>, ValidationProblem>> CreateKey(CreateApiKeyRequest request, IRegistryStore registry, CancellationToken cancellationToken)
    {
        var validation = new Validation();
        validation.RequireText("name", request.Name, 200);
        ApiKeyRole? role = request.Role?.ToUpperInvariant() switch
        {
            "VIEWER" => ApiKeyRole.Viewer,
            "OPERATOR" => ApiKeyRole.Operator,
            "ADMIN" => ApiKeyRole.Admin,
            _ => null,
        };
        if (role is null)
        {
            validation.Add("role", "role must be viewer, operator or admin");
        }

        if (!validation.IsValid)
        {
            return TypedResults.ValidationProblem(validation.Errors);
        }

        return TypedResults.Ok(await registry.CreateApiKeyAsync(request.Name!.Trim(), role!.Value, cancellationToken));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> RevokeKey(string prefix, IRegistryStore registry, CancellationToken cancellationToken) =>
        prefix.Length <= 64 && await registry.RevokeApiKeyAsync(prefix, cancellationToken)
            ? TypedResults.NoContent()
            : Problems.NotFound($"no unrevoked key has prefix '{prefix}'");
}
