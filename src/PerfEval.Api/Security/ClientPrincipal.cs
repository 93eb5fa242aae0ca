using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace PerfEval.Api.Security;

/// <summary>
/// An authenticated client with what its claims allow, read once when the principal is built: the
/// scopes it holds and the regions and departments it is limited to. API-key clients' principals are
/// built once and shared by all their requests; a token's principal once per request.
/// </summary>
internal sealed class ClientPrincipal : ClaimsPrincipal
{
    /// <summary>No scopes, or no limits.</summary>
    public static readonly IReadOnlySet<string> None = new HashSet<string>();

    public ClientPrincipal(ClaimsIdentity identity)
        : base(identity)
    {
        Scopes = Read(identity, Security.Scopes.ScopeClaim);
        Regions = Read(identity, Security.Scopes.RegionClaim);
        Departments = Read(identity, Security.Scopes.DepartmentClaim);
    }

    public IReadOnlySet<string> Scopes { get; }

    /// <summary>Regions the client is limited to; empty with <see cref="Departments"/> empty means no limit.</summary>
    public IReadOnlySet<string> Regions { get; }

    public IReadOnlySet<string> Departments { get; }

    /// <summary>
    /// The client a request's user is: its own principal, or (for a principal some other component
    /// built) one read from its claims; null when it is not authenticated.
    /// </summary>
    public static ClientPrincipal? Of(ClaimsPrincipal? user) => user switch
    {
        ClientPrincipal { Identity.IsAuthenticated: true } client => client,
        { Identity.IsAuthenticated: true } other => new ClientPrincipal(new ClaimsIdentity(other.Claims, other.Identity.AuthenticationType)),
        _ => null,
    };

    private static IReadOnlySet<string> Read(ClaimsIdentity identity, string type)
    {
        var values = identity.FindAll(type).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return values.Count == 0 ? None : values;
    }
}

/// <summary>
/// An endpoint's scope: met by an authenticated client holding it. Read from the client's principal
/// (<see cref="ClientPrincipal"/>), not by enumerating its claims on every request.
/// </summary>
internal sealed class ScopeRequirement(string scope) : AuthorizationHandler<ScopeRequirement>, IAuthorizationRequirement
{
    public string Scope { get; } = scope;

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        if (ClientPrincipal.Of(context.User) is { } client && client.Scopes.Contains(requirement.Scope))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    public override string ToString() => $"The client must hold the scope '{Scope}'.";
}
