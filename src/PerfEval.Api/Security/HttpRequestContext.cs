using System.Security.Claims;
using PerfEval.Application.Common;

namespace PerfEval.Api.Security;

/// <summary>The authenticated client of the current HTTP request; outside a request (start-up, demo data) the service itself.</summary>
internal sealed class HttpRequestContext(IHttpContextAccessor accessor) : IRequestContext
{
    private static readonly IReadOnlySet<string> None = new HashSet<string>();

    private ClaimsPrincipal? User => accessor.HttpContext?.User;

    public string ClientName => accessor.HttpContext is null ? "perfeval" : User?.Identity?.Name ?? "anonymous";

    public string RequestId => accessor.HttpContext?.TraceIdentifier ?? "startup";

    public IReadOnlySet<string> Regions => Claims(Scopes.RegionClaim);

    public IReadOnlySet<string> Departments => Claims(Scopes.DepartmentClaim);

    private IReadOnlySet<string> Claims(string type)
    {
        HashSet<string>? values = null;
        foreach (var claim in User?.Claims ?? [])
        {
            if (claim.Type == type)
            {
                (values ??= new HashSet<string>(StringComparer.Ordinal)).Add(claim.Value);
            }
        }

        return values ?? None;
    }
}
