using MediatR;
using PerfEval.Application.Common;
using PerfEval.Application.FiscalYears;
using PerfEval.Application.ReadModel;

namespace PerfEval.Application.Indicators;

public sealed record DeleteIndicator(string DepartmentCode, int FiscalYear, long Id) : ICommand<Unit>, IDepartmentRequest, IConditional, IChangesScorecards<Unit>
{
    ScorecardsAffected IChangesScorecards<Unit>.Affected(Unit _) => ScorecardsAffected.Of(DepartmentCode, FiscalYear);

    /// <summary>From If-Match: the version the client last read.</summary>
    [RouteValue]
    public int? ExpectedVersion { get; init; }

    internal sealed class Handler(DbSession db) : IRequestHandler<DeleteIndicator, Unit>
    {
        /// <summary>The indicator's progress in monitoring rounds goes with it (the rounds' cards are refreshed after).</summary>
        private const string DeleteProgressSql = "DELETE FROM monitoring_indicator_values WHERE indicator_id = @Id";

        private const string DeleteSql = "DELETE FROM indicators WHERE id = @Id AND (@ExpectedVersion IS NULL OR row_version = @ExpectedVersion)";

        public async Task<Unit> Handle(DeleteIndicator request, CancellationToken ct)
        {
            await GetIndicator.LoadAsync(db, request.DepartmentCode, request.FiscalYear, request.Id, ct);
            await db.EnsureWritableAsync(request.FiscalYear, ct);
            await db.ExecuteAsync(DeleteProgressSql, new { request.Id }, ct);
            request.EnsureApplied(await db.ExecuteAsync(DeleteSql, new { request.Id, request.ExpectedVersion }, ct), "Indicator", request.Id);
            return Unit.Value;
        }
    }
}
