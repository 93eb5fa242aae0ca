using System.Security.Claims;
using PerfEval.Application.Common;

namespace PerfEval.Api.Security;

/// <summary>The authenticated client of the current HTTP request; outside a request (start-up, demo data) the service itself.</summary>
internal sealed class HttpRequestContext(IHttpContextAccessor accessor) : IRequestContext
{
    private static readonly IReadOnlySet<string> None = new HashSet<string>();

    private (IReadOnlySet<string> Regions, IReadOnlySet<string> Departments)? _limits;

    private ClaimsPrincipal? User => accessor.HttpContext?.User;

    public string ClientName => accessor.HttpContext is null ? "perfeval" : User?.Identity?.Name ?? "anonymous";

    public string RequestId => accessor.HttpContext?.TraceIdentifier ?? "startup";

    public IReadOnlySet<string> Regions => Limits.Regions;

    public IReadOnlySet<string> Departments => Limits.Departments;

    /// <summary>The client's region and department limits, read from its claims in one pass, once per request.</summary>
    private (IReadOnlySet<string> Regions, IReadOnlySet<string> Departments) Limits => _limits ??= ReadLimits(User);

    private static (IReadOnlySet<string>, IReadOnlySet<string>) ReadLimits(ClaimsPrincipal? user)
    {
        HashSet<string>? regions = null;
        HashSet<string>? departments = null;
        foreach (var claim in user?.Claims ?? [])
        {
            if (claim.Type == Scopes.RegionClaim)
            {
                (regions ??= new HashSet<string>(StringComparer.Ordinal)).Add(claim.Value);
            }
            else if (claim.Type == Scopes.DepartmentClaim)
            {
                (departments ??= new HashSet<string>(StringComparer.Ordinal)).Add(claim.Value);
            }
        }

        return (regions ?? None, departments ?? None);
    }
}
