using MediatR;

namespace PerfEval.Application.Common;

/// <summary>
/// Keeps a client limited to some regions or departments inside them without revealing what exists
/// outside: a department outside its limits answers exactly as a department that does not exist
/// (404, reads and writes alike), a resource addressed by id whose department is outside answers as
/// a missing resource of that kind, and both are decided before any precondition (so no 412 names a
/// version it may not see). A parent outside its limits is refused as a parent that does not exist.
/// Only placing a department in a region outside its limits is 403: that names nothing but the
/// region the client sent. Runs inside the unit of work, so a write found out of scope only
/// afterwards (by its response) is rolled back.
/// </summary>
internal sealed class AccessBehavior<TRequest, TResponse>(IRequestContext context, DbSession db) : IPipelineBehavior<TRequest, TResponse>
{
    private const string RegionSql = "SELECT region FROM departments WHERE code = @Code";

    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next) =>
        context.IsRestricted() ? HandleRestrictedAsync(request, next, cancellationToken) : next();

    private async Task<TResponse> HandleRestrictedAsync(TRequest request, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken)
    {
        if (request is Departments.IDepartmentFields fields)
        {
            if (request is IDepartmentRequest target && !context.MaySee(target.DepartmentCode, fields.Region))
            {
                throw new ForbiddenException(Messages.RegionOutsideLimits.Format(fields.Region));
            }

            if (fields.ParentCode is { } parent && !await MaySeeAsync(parent, cancellationToken))
            {
                throw new BusinessRuleException("parentCode", Messages.ParentMissing.Format(parent));
            }
        }

        if (request is IDepartmentRequest scoped && !await MaySeeAsync(scoped.DepartmentCode, cancellationToken))
        {
            throw new NotFoundException("Department", scoped.DepartmentCode);
        }

        if (request is IAddressedById byId
            && await db.QuerySingleOrDefaultAsync<string>(byId.DepartmentOfSql, new { byId.Id }, cancellationToken) is { } owner
            && !await MaySeeAsync(owner, cancellationToken))
        {
            throw new NotFoundException(byId.Resource, byId.Id);
        }

        var response = await next();
        if (response is IDepartmentOwned owned && !await MaySeeAsync(owned.DepartmentCode, cancellationToken))
        {
            throw request is IAddressedById addressed
                ? new NotFoundException(addressed.Resource, addressed.Id)
                : new NotFoundException("Department", owned.DepartmentCode);
        }

        return response;
    }

    /// <summary>True for a department inside the client's limits, and for one that does not exist (the handler answers that).</summary>
    private async Task<bool> MaySeeAsync(string departmentCode, CancellationToken ct) =>
        await db.QuerySingleOrDefaultAsync<string>(RegionSql, new { Code = departmentCode }, ct) is not { } region
        || context.MaySee(departmentCode, region);
}
