using MediatR;
using PerfEval.Application.Common;

namespace PerfEval.Application.Projects;

public sealed record GetProject(long Id) : IQuery<ProjectResponse>, IAddressedById
{
    internal const string DepartmentSql = "SELECT department_code FROM projects WHERE id = @Id";

    string IAddressedById.Resource => "Project";

    string IAddressedById.DepartmentOfSql => DepartmentSql;

    private const string SelectSql = $"SELECT {ProjectResponse.Columns} FROM projects WHERE id = @Id";

    internal static async Task<ProjectResponse> LoadAsync(DbSession db, long id, CancellationToken ct) =>
        await db.QuerySingleOrDefaultAsync<ProjectResponse>(SelectSql, new { Id = id }, ct)
        ?? throw new NotFoundException("Project", id);

    internal sealed class Handler(DbSession db) : IRequestHandler<GetProject, ProjectResponse>
    {
        public Task<ProjectResponse> Handle(GetProject request, CancellationToken ct) => LoadAsync(db, request.Id, ct);
    }
}
