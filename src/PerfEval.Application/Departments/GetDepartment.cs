using MediatR;
using PerfEval.Application.Common;

namespace PerfEval.Application.Departments;

public sealed record GetDepartment(string Code) : IQuery<DepartmentResponse>, IDepartmentRequest
{
    string IDepartmentRequest.DepartmentCode => Code;

    internal const string ExistsSql = "SELECT COUNT(*) FROM departments WHERE code = @Code";

    private const string SelectSql = $"SELECT {DepartmentRow.Columns} FROM departments WHERE code = @Code";

    internal static async Task<DepartmentResponse> LoadAsync(DbSession db, string code, CancellationToken ct) =>
        (await db.QuerySingleOrDefaultAsync<DepartmentRow>(SelectSql, new { Code = code }, ct))?.ToResponse()
        ?? throw new NotFoundException("Department", code);

    internal sealed class Handler(DbSession db) : IRequestHandler<GetDepartment, DepartmentResponse>
    {
        public Task<DepartmentResponse> Handle(GetDepartment request, CancellationToken ct) => LoadAsync(db, request.Code, ct);
    }
}
