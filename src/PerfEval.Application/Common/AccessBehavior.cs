using MediatR;

namespace PerfEval.Application.Common;

/// <summary>
/// Keeps a client limited to some regions or departments inside them: outside, a read is 404 (it
/// does not learn the department exists) and a write is 403. Runs inside the unit of work, so a
/// write found out of scope only afterwards (by id) is rolled back.
/// </summary>
internal sealed class AccessBehavior<TRequest, TResponse>(IRequestContext context, DbSession db) : IPipelineBehavior<TRequest, TResponse>
{
    private const string RegionSql = "SELECT region FROM departments WHERE code = @Code";

    private static readonly bool IsCommand = typeof(TRequest).GetInterfaces()
        .Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>));

    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next) =>
        context.IsRestricted() ? HandleRestrictedAsync(request, next, cancellationToken) : next();

    private async Task<TResponse> HandleRestrictedAsync(TRequest request, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken)
    {
        if (request is Departments.IDepartmentFields { Region: var newRegion } fields && request is IDepartmentRequest target
            && !context.MaySee(target.DepartmentCode, newRegion))
        {
            Deny(target.DepartmentCode);
        }

        if (request is IDepartmentRequest scoped)
        {
            await EnsureAsync(scoped.DepartmentCode, cancellationToken);
        }

        var response = await next();
        if (response is IDepartmentOwned owned)
        {
            await EnsureAsync(owned.DepartmentCode, cancellationToken);
        }

        return response;
    }

    private async Task EnsureAsync(string departmentCode, CancellationToken ct)
    {
        var region = await db.QuerySingleOrDefaultAsync<string>(RegionSql, new { Code = departmentCode }, ct);
        if (region is not null && !context.MaySee(departmentCode, region))
        {
            Deny(departmentCode);
        }
    }

    private static void Deny(string departmentCode) => throw (IsCommand
        ? new ForbiddenException($"This client may not change department '{departmentCode}'.")
        : new NotFoundException("Department", departmentCode));
}
