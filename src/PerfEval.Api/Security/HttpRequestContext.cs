using PerfEval.Application.Common;

namespace PerfEval.Api.Security;

/// <summary>The authenticated client of the current HTTP request; outside a request (start-up, demo data) the service itself.</summary>
internal sealed class HttpRequestContext(IHttpContextAccessor accessor) : IRequestContext
{
    private ClientPrincipal? _client;

    public string ClientName => accessor.HttpContext is null ? "perfeval" : accessor.HttpContext.User.Identity?.Name ?? "anonymous";

    public string RequestId => accessor.HttpContext?.TraceIdentifier ?? "startup";

    /// <summary>The client's limits, read from its claims when its principal was built.</summary>
    public IReadOnlySet<string> Regions => Client?.Regions ?? ClientPrincipal.None;

    public IReadOnlySet<string> Departments => Client?.Departments ?? ClientPrincipal.None;

    private ClientPrincipal? Client => _client ??= ClientPrincipal.Of(accessor.HttpContext?.User);
}
