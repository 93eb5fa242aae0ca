using FluentValidation;
using MediatR;
using PerfEval.Application.Common;
using PerfEval.Application.Departments;

namespace PerfEval.Application.Indicators;

/// <summary>A department-year's indicators in report order (sequence), keyset-paged, filtered by category and kind.</summary>
public sealed record ListIndicators(
    string DepartmentCode,
    int FiscalYear,
    IndicatorCategory? Category = null,
    IndicatorKind? Kind = null,
    int Limit = Paging.DefaultLimit,
    string? Cursor = null,
    DateTimeOffset? UpdatedSince = null) : IQuery<Page<IndicatorResponse>>, IDepartmentRequest
{
    internal const string AllSql = $"""
        SELECT {IndicatorResponse.Columns} FROM indicators
        WHERE department_code = @DepartmentCode AND fiscal_year = @FiscalYear
        ORDER BY sequence
        """;

    internal sealed class Validator : AbstractValidator<ListIndicators>
    {
        public Validator() => RuleFor(x => x.Limit).ValidLimit();
    }

    internal sealed class Handler(DbSession db) : IRequestHandler<ListIndicators, Page<IndicatorResponse>>
    {
        private const string ListSql = $"""
            SELECT {IndicatorResponse.Columns} FROM indicators
            WHERE department_code = @DepartmentCode AND fiscal_year = @FiscalYear
              AND (@After IS NULL OR sequence > @After)
              AND (@Category IS NULL OR category = @Category)
              AND (@Kind IS NULL OR kind = @Kind)
              AND (@UpdatedSince IS NULL OR updated_at > @UpdatedSince)
            ORDER BY sequence
            LIMIT @Take
            """;

        public async Task<Page<IndicatorResponse>> Handle(ListIndicators request, CancellationToken ct)
        {
            await GetDepartment.LoadAsync(db, request.DepartmentCode, ct);
            var rows = await db.QueryAsync<IndicatorResponse>(ListSql, new
            {
                request.DepartmentCode,
                request.FiscalYear,
                After = Paging.DecodeId(request.Cursor),
                Category = Sql.Name(request.Category),
                Kind = Sql.Name(request.Kind),
                request.UpdatedSince,
                Take = request.Limit + 1,
            }, ct);
            return Paging.ToPage(rows, request.Limit, i => i.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
