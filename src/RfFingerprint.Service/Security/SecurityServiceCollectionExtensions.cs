using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace RfFingerprint.Service.Security;

/// <summary>Registers API-key authentication and the three role policies.</summary>
public static class SecurityServiceCollectionExtensions
{
    /// <summary>
    /// Adds the API-key scheme and the policies <c>viewer</c>, <c>operator</c>, <c>admin</c>. The fallback policy
    /// demands a valid key, so an endpoint that forgot to name a policy is still closed to anonymous callers.
    /// </summary>
    public static IServiceCollection AddApiKeySecurity(this IServiceCollection services)
    {
        services.AddAuthentication(ApiKeyDefaults.Scheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyDefaults.Scheme, _ => { });
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiKeyDefaults.ViewerPolicy, p => p.RequireRole(ApiKeyDefaults.ViewerPolicy))
            .AddPolicy(ApiKeyDefaults.OperatorPolicy, p => p.RequireRole(ApiKeyDefaults.OperatorPolicy))
            .AddPolicy(ApiKeyDefaults.AdminPolicy, p => p.RequireRole(ApiKeyDefaults.AdminPolicy))
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(ApiKeyDefaults.Scheme).RequireRole(ApiKeyDefaults.ViewerPolicy).Build());
        return services;
    }

    /// <summary>Any valid key may call the endpoints of this builder.</summary>
    public static TBuilder RequireViewer<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(ApiKeyDefaults.ViewerPolicy);

    /// <summary>Operator and admin keys may call the endpoints of this builder.</summary>
    public static TBuilder RequireOperator<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(ApiKeyDefaults.OperatorPolicy);

    /// <summary>Only admin keys may call the endpoints of this builder.</summary>
    public static TBuilder RequireAdmin<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(ApiKeyDefaults.AdminPolicy);
}
