using FluentValidation;
using PerfEval.Application.Common;
using PerfEval.Application.Scoring;

namespace PerfEval.Application.Budgets;

/// <summary>
/// A budget line: one expenditure class and funding source (and, for project spending, one project)
/// of a department-year. Its adjusted amount is derived: initial + Σ the ledger's adjustments.
/// </summary>
public sealed record BudgetLineResponse : IDepartmentOwned, IVersioned
{
    public const string Columns = """
        id AS Id, department_code AS DepartmentCode, fiscal_year AS FiscalYear, expenditure_class AS ExpenditureClass,
        funding_source AS FundingSource, project_id AS ProjectId, initial_amount AS InitialAmount,
        adjustment_total AS AdjustmentTotal, executed_amount AS ExecutedAmount, row_version AS Version, updated_at AS UpdatedAt
        """;

    public long Id { get; init; }
    public required string DepartmentCode { get; init; }
    public int FiscalYear { get; init; }
    public ExpenditureClass ExpenditureClass { get; init; }
    public FundingSource FundingSource { get; init; }
    public long? ProjectId { get; init; }

    /// <summary>年初预算数, yuan.</summary>
    public decimal InitialAmount { get; init => field = Rounding.Money(value); }

    /// <summary>Σ 年中调增/调减 in the adjustment ledger, yuan.</summary>
    public decimal AdjustmentTotal { get; init => field = Rounding.Money(value); }

    /// <summary>调整后预算数 = initial + adjustments, yuan.</summary>
    public decimal AdjustedAmount => InitialAmount + AdjustmentTotal;

    /// <summary>执行数, yuan.</summary>
    public decimal ExecutedAmount { get; init => field = Rounding.Money(value); }

    public int Version { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    internal Scoring.BudgetLineInput ToScoringInput() => new(ExpenditureClass, FundingSource, InitialAmount, AdjustmentTotal, ExecutedAmount, Id);
}

public interface IBudgetLineFields
{
    ExpenditureClass ExpenditureClass { get; }
    FundingSource FundingSource { get; }
    long? ProjectId { get; }
    decimal InitialAmount { get; }
    decimal ExecutedAmount { get; }
}

internal static class BudgetLineRules
{
    private const string ProjectOwnerSql = "SELECT COUNT(*) FROM projects WHERE id = @ProjectId AND department_code = @DepartmentCode AND fiscal_year = @FiscalYear";

    private const string DuplicateSql = """
        SELECT COUNT(*) FROM budget_lines
        WHERE department_code = @DepartmentCode AND fiscal_year = @FiscalYear AND expenditure_class = @ExpenditureClass
          AND funding_source = @FundingSource AND project_key = @ProjectKey AND id <> @Id
        """;

    public static void AddBudgetLineRules<T>(this AbstractValidator<T> v)
        where T : IBudgetLineFields
    {
        v.RuleFor(x => x.ExpenditureClass).IsInEnum();
        v.RuleFor(x => x.FundingSource).IsInEnum();
        v.RuleFor(x => x.InitialAmount).NonNegativeYuan();
        v.RuleFor(x => x.ExecutedAmount).NonNegativeYuan();
        v.RuleFor(x => x.ProjectId).Null().When(x => x.ExpenditureClass != ExpenditureClass.Project)
            .WithMessage(_ => Messages.ProjectOnlyOnProjectLine.Current);
    }

    /// <summary>The project must be the same department-year's, and class + source + project must be unique.</summary>
    public static async Task EnsureConsistentAsync(this DbSession db, long id, string departmentCode, int fiscalYear, IBudgetLineFields line, CancellationToken ct)
    {
        if (line.ProjectId is { } projectId
            && await db.ExecuteScalarAsync<int>(ProjectOwnerSql, new { ProjectId = projectId, DepartmentCode = departmentCode, FiscalYear = fiscalYear }, ct) == 0)
        {
            throw new BusinessRuleException("projectId", Messages.ProjectNotOfDepartment.Format(projectId, departmentCode, fiscalYear));
        }

        var duplicates = await db.ExecuteScalarAsync<int>(DuplicateSql, new
        {
            Id = id,
            DepartmentCode = departmentCode,
            FiscalYear = fiscalYear,
            ExpenditureClass = line.ExpenditureClass.ToString(),
            FundingSource = line.FundingSource.ToString(),
            ProjectKey = line.ProjectId ?? 0,
        }, ct);
        if (duplicates > 0)
        {
            throw new ConflictException(Messages.DuplicateLine.Format(departmentCode, line.ExpenditureClass, line.FundingSource, fiscalYear, line.ProjectId is null ? string.Empty : Messages.ForProject.Format(line.ProjectId)));
        }
    }
}
