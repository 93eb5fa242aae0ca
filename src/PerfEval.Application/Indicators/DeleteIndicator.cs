using MediatR;
using PerfEval.Application.Common;
using PerfEval.Application.FiscalYears;

namespace PerfEval.Application.Indicators;

public sealed record DeleteIndicator(string DepartmentCode, int FiscalYear, long Id) : ICommand<Unit>, IDepartmentRequest
{
    internal sealed class Handler(DbSession db) : IRequestHandler<DeleteIndicator, Unit>
    {
        private const string DeleteSql = "DELETE FROM indicators WHERE id = @Id";

        public async Task<Unit> Handle(DeleteIndicator request, CancellationToken ct)
        {
            await GetIndicator.LoadAsync(db, request.DepartmentCode, request.FiscalYear, request.Id, ct);
            await db.EnsureWritableAsync(request.FiscalYear, ct);
            await db.ExecuteAsync(DeleteSql, new { request.Id }, ct);
            return Unit.Value;
        }
    }
}
