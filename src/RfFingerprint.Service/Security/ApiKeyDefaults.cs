namespace RfFingerprint.Service.Security;

/// <summary>Names shared by the API-key scheme, its policies and the endpoints.</summary>
public static class ApiKeyDefaults
{
    /// <summary>Authentication scheme name.</summary>
    public const string Scheme = "ApiKey";

    /// <summary>Request header carrying the key.</summary>
    public const string HeaderName = "X-Api-Key";

    /// <summary>Policy: any valid key (viewer, operator or admin).</summary>
    public const string ViewerPolicy = "viewer";

    /// <summary>Policy: operator or admin keys.</summary>
    public const string OperatorPolicy = "operator";

    /// <summary>Policy: admin keys only.</summary>
    public const string AdminPolicy = "admin";
}
