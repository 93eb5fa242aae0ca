using MediatR;
using PerfEval.Application.Common;

namespace PerfEval.Application.FiscalYears;

public sealed record GetFiscalYear(int Year) : IQuery<FiscalYearResponse>
{
    private const string SelectSql = $"SELECT {FiscalYearResponse.Columns} FROM {FiscalYearResponse.From} WHERE y.year = @Year";

    internal static async Task<FiscalYearResponse> LoadAsync(DbSession db, int year, CancellationToken ct) =>
        await db.QuerySingleOrDefaultAsync<FiscalYearResponse>(SelectSql, new { Year = year }, ct)
        ?? throw new NotFoundException("Fiscal year", year);

    internal sealed class Handler(DbSession db) : IRequestHandler<GetFiscalYear, FiscalYearResponse>
    {
        public Task<FiscalYearResponse> Handle(GetFiscalYear request, CancellationToken ct) => LoadAsync(db, request.Year, ct);
    }
}
