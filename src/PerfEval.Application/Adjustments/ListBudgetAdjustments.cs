using FluentValidation;
using MediatR;
using PerfEval.Application.Common;

namespace PerfEval.Application.Adjustments;

/// <summary>The ledger in id (append) order, keyset-paged, filtered by department, year, source system and effective date.</summary>
public sealed record ListBudgetAdjustments(
    string? DepartmentCode = null,
    int? FiscalYear = null,
    string? SourceSystem = null,
    DateOnly? EffectiveFrom = null,
    DateOnly? EffectiveTo = null,
    int Limit = Paging.DefaultLimit,
    string? Cursor = null) : IQuery<Page<BudgetAdjustmentResponse>>
{
    internal sealed class Validator : AbstractValidator<ListBudgetAdjustments>
    {
        public Validator() => RuleFor(x => x.Limit).ValidLimit();
    }

    internal sealed class Handler(DbSession db, IRequestContext context) : IRequestHandler<ListBudgetAdjustments, Page<BudgetAdjustmentResponse>>
    {
        private const string ListSql = $"""
            SELECT {BudgetAdjustmentResponse.Columns} FROM budget_adjustments a
            WHERE (@After IS NULL OR a.id > @After)
              AND (@DepartmentCode IS NULL OR a.department_code = @DepartmentCode)
              AND (@FiscalYear IS NULL OR a.fiscal_year = @FiscalYear)
              AND (@SourceSystem IS NULL OR a.source_system = @SourceSystem)
              AND (@EffectiveFrom IS NULL OR a.effective_date >= @EffectiveFrom)
              AND (@EffectiveTo IS NULL OR a.effective_date <= @EffectiveTo)
              AND (@Unrestricted = 1 OR a.department_code IN @Departments
                   OR a.department_code IN (SELECT d.code FROM departments d WHERE d.region IN @Regions))
            ORDER BY a.id
            LIMIT @Take
            """;

        public async Task<Page<BudgetAdjustmentResponse>> Handle(ListBudgetAdjustments request, CancellationToken ct)
        {
            var rows = await db.QueryAsync<BudgetAdjustmentResponse>(ListSql, new
            {
                After = Paging.DecodeId(request.Cursor),
                request.DepartmentCode,
                request.FiscalYear,
                request.SourceSystem,
                request.EffectiveFrom,
                request.EffectiveTo,
                Unrestricted = context.IsRestricted() ? 0 : 1,
                context.Departments,
                context.Regions,
                Take = request.Limit + 1,
            }, ct);
            return Paging.ToPage(rows, request.Limit, a => a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}

public sealed record GetBudgetAdjustment(long Id) : IQuery<BudgetAdjustmentResponse>, IAddressedById
{
    string IAddressedById.Resource => "Budget adjustment";

    string IAddressedById.DepartmentOfSql => "SELECT department_code FROM budget_adjustments WHERE id = @Id";

    internal sealed class Handler(DbSession db) : IRequestHandler<GetBudgetAdjustment, BudgetAdjustmentResponse>
    {
        private const string SelectSql = $"SELECT {BudgetAdjustmentResponse.Columns} FROM budget_adjustments WHERE id = @Id";

        public async Task<BudgetAdjustmentResponse> Handle(GetBudgetAdjustment request, CancellationToken ct) =>
            await db.QuerySingleOrDefaultAsync<BudgetAdjustmentResponse>(SelectSql, new { request.Id }, ct)
            ?? throw new NotFoundException("Budget adjustment", request.Id);
    }
}
