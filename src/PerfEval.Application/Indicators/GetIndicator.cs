using MediatR;
using PerfEval.Application.Common;

namespace PerfEval.Application.Indicators;

public sealed record GetIndicator(string DepartmentCode, int FiscalYear, long Id) : IQuery<IndicatorResponse>, IDepartmentRequest
{
    private const string SelectSql = $"""
        SELECT {IndicatorResponse.Columns} FROM indicators
        WHERE id = @Id AND department_code = @DepartmentCode AND fiscal_year = @FiscalYear
        """;

    internal static async Task<IndicatorResponse> LoadAsync(DbSession db, string departmentCode, int fiscalYear, long id, CancellationToken ct) =>
        await db.QuerySingleOrDefaultAsync<IndicatorResponse>(SelectSql, new { Id = id, DepartmentCode = departmentCode, FiscalYear = fiscalYear }, ct)
        ?? throw new NotFoundException("Indicator", id);

    internal sealed class Handler(DbSession db) : IRequestHandler<GetIndicator, IndicatorResponse>
    {
        public Task<IndicatorResponse> Handle(GetIndicator request, CancellationToken ct) =>
            LoadAsync(db, request.DepartmentCode, request.FiscalYear, request.Id, ct);
    }
}
