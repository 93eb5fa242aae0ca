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
    ApiKeyClients clients) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (values.Count != 1 || string.IsNullOrEmpty(values[0]) || values[0]!.Length > ApiKeyClients.MaxKeyLength)
        {
            return Task.FromResult(AuthenticateResult.Fail("Invalid API key."));
        }

        return Task.FromResult(clients.Find(values[0]!) is { } principal
            ? AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName))
            : AuthenticateResult.Fail("Invalid API key."));
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}

/// <summary>
/// The configured API keys, each hash decoded once with its client's principal built once: a
/// client's claims do not change while the service runs, and nothing in the service alters a
/// principal, so every request of a client shares it.
/// </summary>
internal sealed class ApiKeyClients(SecurityOptions security)
{
    public const int MaxKeyLength = 256;

    private readonly (byte[] Hash, ClientPrincipal Principal)[] _clients = [.. security.ApiKeys
        .Where(k => k.KeySha256.Length == 64)
        .Select(k => (Convert.FromHexString(k.KeySha256), PrincipalOf(k)))];

    /// <summary>The principal of the client whose key this is; null for an unknown key (or one longer than <see cref="MaxKeyLength"/>).</summary>
    public ClientPrincipal? Find(string key)
    {
        if (key.Length > MaxKeyLength)
        {
            return null;
        }

        Span<byte> utf8 = stackalloc byte[MaxKeyLength * 3];
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(utf8[..Encoding.UTF8.GetBytes(key, utf8)], hash);
        ClientPrincipal? match = null;
        foreach (var (expected, principal) in _clients)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, expected))
            {
                match = principal;
            }
        }

        return match;
    }

    private static ClientPrincipal PrincipalOf(ApiKeyClient client)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, client.Client) };
        claims.AddRange(client.Scopes.Select(s => new Claim(Scopes.ScopeClaim, s)));
        claims.AddRange(client.Regions.Select(r => new Claim(Scopes.RegionClaim, r)));
        claims.AddRange(client.Departments.Select(d => new Claim(Scopes.DepartmentClaim, d)));
        return new ClientPrincipal(new ClaimsIdentity(claims, ApiKeyAuthentication.SchemeName));
    }
}
