namespace PerfEval.Api.Security;

/// <summary>What a client may do. Every endpoint requires exactly one of these.</summary>
public static class Scopes
{
    /// <summary>All reads.</summary>
    public const string Read = "perf.read";

    /// <summary>Pushing budget adjustments.</summary>
    public const string AdjustmentsWrite = "adjustments.write";

    /// <summary>Departments, budget lines, projects, indicators, evaluations.</summary>
    public const string DataWrite = "data.write";

    /// <summary>Fiscal years, scoring schemes, the audit log.</summary>
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Read, AdjustmentsWrite, DataWrite, Admin];

    public const string ScopeClaim = "perfeval_scope";
    public const string RegionClaim = "perfeval_region";
    public const string DepartmentClaim = "perfeval_department";

    public static TBuilder RequireScope<TBuilder>(this TBuilder builder, string scope)
        where TBuilder : IEndpointConventionBuilder => builder.RequireAuthorization(scope);
}
