namespace PerfEval.Api.Security;

/// <summary>In Production the service refuses to start unless real credentials, and no demo key, are configured.</summary>
public static class ProductionChecks
{
    public static void Verify(SecurityOptions security)
    {
        var problems = new List<string>();
        if (security.ApiKeys.Count == 0 && string.IsNullOrWhiteSpace(security.Jwt.Authority))
        {
            problems.Add("no API keys (Security:ApiKeys) and no token authority (Security:Jwt:Authority) are configured");
        }

        if (security.ApiKeys.Any(k => k.Demo || DemoKeys.Hashes.Contains(k.KeySha256, StringComparer.OrdinalIgnoreCase)))
        {
            problems.Add("a demo API key is configured; remove every demo key");
        }

        foreach (var key in security.ApiKeys.Where(k => k.KeySha256.Length != 64 || !k.KeySha256.All(Uri.IsHexDigit)))
        {
            problems.Add($"API key of client '{key.Client}' is not a 64-digit hex SHA-256");
        }

        foreach (var key in security.ApiKeys.Where(k => k.Scopes.Count == 0 || k.Scopes.Except(Scopes.All).Any()))
        {
            problems.Add($"API key of client '{key.Client}' has no scopes or an unknown one (known: {string.Join(", ", Scopes.All)})");
        }

        if (!string.IsNullOrWhiteSpace(security.Jwt.Authority) && string.IsNullOrWhiteSpace(security.Jwt.Audience))
        {
            problems.Add("Security:Jwt:Audience is required with an authority");
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("Refusing to start in Production: " + string.Join("; ", problems) + ".");
        }
    }
}

/// <summary>The SHA-256 of the documented demo keys (appsettings.Development.json, README).</summary>
public static class DemoKeys
{
    public static readonly IReadOnlyList<string> Hashes =
    [
        ApiKeyAuthentication.Hash("demo-reader-key"),
        ApiKeyAuthentication.Hash("demo-writer-key"),
        ApiKeyAuthentication.Hash("demo-pusher-key"),
        ApiKeyAuthentication.Hash("demo-admin-key"),
    ];
}
