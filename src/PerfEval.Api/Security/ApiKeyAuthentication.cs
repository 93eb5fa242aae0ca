using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace PerfEval.Api.Security;

/// <summary>
/// <c>X-Api-Key</c>: the key's SHA-256 is compared, in constant time, with every configured hash
/// (all of them, so the time taken says nothing about which one matched).
/// </summary>
internal sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    SecurityOptions security) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    private readonly (byte[] Hash, ApiKeyClient Client)[] _clients = [.. security.ApiKeys
        .Where(k => k.KeySha256.Length == 64)
        .Select(k => (Convert.FromHexString(k.KeySha256), k))];

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (values.Count != 1 || string.IsNullOrEmpty(values[0]) || values[0]!.Length > 256)
        {
            return Task.FromResult(AuthenticateResult.Fail("Invalid API key."));
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(values[0]!));
        ApiKeyClient? match = null;
        foreach (var (expected, client) in _clients)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, expected))
            {
                match = client;
            }
        }

        if (match is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("Invalid API key."));
        }

        var claims = new List<Claim> { new(ClaimTypes.Name, match.Client) };
        claims.AddRange(match.Scopes.Select(s => new Claim(Scopes.ScopeClaim, s)));
        claims.AddRange(match.Regions.Select(r => new Claim(Scopes.RegionClaim, r)));
        claims.AddRange(match.Departments.Select(d => new Claim(Scopes.DepartmentClaim, d)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
