using FluentValidation;
using MediatR;
using PerfEval.Application.Common;
using PerfEval.Application.Departments;

namespace PerfEval.Application.Monitoring;

/// <summary>A department-year's monitoring rounds by as-of date, keyset-paged.</summary>
public sealed record ListMonitoringRounds(string DepartmentCode, int FiscalYear, int Limit = Paging.DefaultLimit, string? Cursor = null)
    : IQuery<Page<MonitoringRoundResponse>>, IDepartmentRequest
{
    internal sealed class Validator : AbstractValidator<ListMonitoringRounds>
    {
        public Validator() => RuleFor(x => x.Limit).ValidLimit();
    }

    internal sealed class Handler(DbSession db) : IRequestHandler<ListMonitoringRounds, Page<MonitoringRoundResponse>>
    {
        private const string IdsSql = """
            SELECT id FROM monitoring_rounds
            WHERE department_code = @DepartmentCode AND fiscal_year = @FiscalYear AND (@After IS NULL OR as_of > @After)
            ORDER BY as_of
            LIMIT @Take
            """;

        public async Task<Page<MonitoringRoundResponse>> Handle(ListMonitoringRounds request, CancellationToken ct)
        {
            await GetDepartment.LoadAsync(db, request.DepartmentCode, ct);
            DateOnly? after = Paging.Decode(request.Cursor) is { } key
                ? DateOnly.TryParseExact(key, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date) ? date : throw Paging.InvalidCursor()
                : null;
            var ids = await db.QueryAsync<long>(IdsSql, new { request.DepartmentCode, request.FiscalYear, After = after, Take = request.Limit + 1 }, ct);
            var rounds = new List<MonitoringRoundResponse>();
            foreach (var id in ids)
            {
                rounds.Add(await MonitoringRoundStore.LoadAsync(db, request.DepartmentCode, request.FiscalYear, id, ct));
            }

            return Paging.ToPage(rounds, request.Limit, r => r.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
