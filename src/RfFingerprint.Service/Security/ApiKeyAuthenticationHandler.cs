using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using RfFingerprint.Registry;
using RfFingerprint.Registry.Entities;

namespace RfFingerprint.Service.Security;

/// <summary>
/// Authenticates a request by the API key in <see cref="ApiKeyDefaults.HeaderName"/>, checked against the registry
/// (which stores only salted hashes). A valid key becomes a principal holding its role and every role below it, so
/// a policy can simply require one role name.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IRegistryStore registry)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>Keys longer than this are refused without a database round trip (real keys are 82 characters).</summary>
    private const int MaxKeyLength = 256;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKeyDefaults.HeaderName, out var values))
        {
            return AuthenticateResult.NoResult();
        }

        var key = values.Count == 1 ? values[0] : null;
        if (string.IsNullOrWhiteSpace(key) || key.Length > MaxKeyLength)
        {
            return AuthenticateResult.Fail("malformed API key");
        }

        var role = await registry.VerifyApiKeyAsync(key, Context.RequestAborted);
        if (role is not { } granted)
        {
            return AuthenticateResult.Fail("unknown or revoked API key");
        }

        var claims = new List<Claim> { new(ClaimTypes.Name, key[..Math.Min(key.Length, 17)]) };
        foreach (var included in Enum.GetValues<ApiKeyRole>().Where(r => granted.Allows(r)))
        {
            claims.Add(new Claim(ClaimTypes.Role, RoleName(included)));
        }

        var identity = new ClaimsIdentity(claims, ApiKeyDefaults.Scheme);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), ApiKeyDefaults.Scheme));
    }

    /// <summary>The policy / claim name of a role.</summary>
    public static string RoleName(ApiKeyRole role) => role switch
    {
        ApiKeyRole.Viewer => ApiKeyDefaults.ViewerPolicy,
        ApiKeyRole.Operator => ApiKeyDefaults.OperatorPolicy,
        ApiKeyRole.Admin => ApiKeyDefaults.AdminPolicy,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "unknown API key role"),
    };
}
