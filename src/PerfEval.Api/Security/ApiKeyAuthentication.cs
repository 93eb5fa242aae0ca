using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;

namespace PerfEval.Api.Security;

/// <summary>
/// <c>X-Api-Key</c>: the key's SHA-256 is compared, in constant time, with every configured hash
/// (all of them, so the time taken says nothing about which one matched). A handler of its own rather
/// than an <see cref="AuthenticationHandler{TOptions}"/>: it has no options, events or forwarding to
/// read on each request, and answers without a key or with a bad one from results made once.
/// </summary>
internal sealed class ApiKeyAuthentication(ApiKeyClients clients, ILogger<ApiKeyAuthentication> logger) : IAuthenticationHandler
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    private static readonly Task<AuthenticateResult> NoKey = Task.FromResult(AuthenticateResult.NoResult());
    private static readonly Task<AuthenticateResult> Invalid = Task.FromResult(AuthenticateResult.Fail("Invalid API key."));

    private HttpContext _context = null!;

    public Task InitializeAsync(AuthenticationScheme scheme, HttpContext context)
    {
        _context = context;
        return Task.CompletedTask;
    }

    public Task<AuthenticateResult> AuthenticateAsync()
    {
        if (!_context.Request.Headers.TryGetValue(Header, out var values))
        {
            return NoKey;
        }

        if (values.Count == 1 && !string.IsNullOrEmpty(values[0]) && clients.Find(values[0]!) is { } principal)
        {
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
        }

        logger.LogInformation("An API key was rejected (request {RequestId}).", _context.TraceIdentifier);
        return Invalid;
    }

    /// <summary>No key, or a bad one: 401 (the problem details are written by the status-code pages).</summary>
    public Task ChallengeAsync(AuthenticationProperties? properties)
    {
        _context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Task.CompletedTask;
    }

    /// <summary>A valid key without the scope the endpoint needs: 403.</summary>
    public Task ForbidAsync(AuthenticationProperties? properties)
    {
        _context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
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
