namespace PerfEval.Application.Common;

/// <summary>Who is calling, and which departments they may see: set by the API from the authenticated client.</summary>
public interface IRequestContext
{
    /// <summary>The authenticated client's name (an API key's client, or a token's subject).</summary>
    string ClientName { get; }

    /// <summary>The request id shown to the client as traceId, recorded in the audit log.</summary>
    string RequestId { get; }

    /// <summary>Regions this client is limited to; empty with <see cref="Departments"/> empty means no limit.</summary>
    IReadOnlySet<string> Regions { get; }

    /// <summary>Department codes this client is limited to.</summary>
    IReadOnlySet<string> Departments { get; }
}

public static class RequestContextExtensions
{
    public static bool IsRestricted(this IRequestContext context) => context.Regions.Count > 0 || context.Departments.Count > 0;

    public static bool MaySee(this IRequestContext context, string departmentCode, string region) =>
        !context.IsRestricted() || context.Departments.Contains(departmentCode) || context.Regions.Contains(region);
}

/// <summary>A request about one department, named up front.</summary>
public interface IDepartmentRequest
{
    string DepartmentCode { get; }
}

/// <summary>
/// A request addressed by a resource's id alone (no department in its route): its department is
/// looked up before the handler runs, so a limited client learns nothing of a resource outside.
/// </summary>
public interface IAddressedById
{
    long Id { get; }

    /// <summary>The resource's name in a 404 ("Project"), as a missing one is named.</summary>
    string Resource { get; }

    /// <summary>One row, one column: the department of the resource <c>@Id</c> (none when it does not exist).</summary>
    string DepartmentOfSql { get; }
}

/// <summary>A response that belongs to one department (checked after id-based reads and writes).</summary>
public interface IDepartmentOwned
{
    string DepartmentCode { get; }
}

/// <summary>The client may not write this department's data (403).</summary>
public sealed class ForbiddenException(string message) : Exception(message);
