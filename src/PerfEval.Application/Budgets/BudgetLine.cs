using FluentValidation;
using PerfEval.Application.Common;
using PerfEval.Application.Scoring;

namespace PerfEval.Application.Budgets;

/// <summary>A budget line: one expenditure class and funding source (and, for project spending, one project) of a department-year. Its adjusted amount is derived: initial + Σ the ledger's adjustments.</summary>
public sealed record BudgetLineResponse : IDepartmentOwned, IVersioned
{
    /// <summary>The table's columns as Dapper reads them into this record.</summary>
    public const string Columns = """
        id AS Id, department_code AS DepartmentCode, fiscal_year AS FiscalYear, expenditure_class AS ExpenditureClass,
        funding_source AS FundingSource, project_id AS ProjectId, initial_amount AS InitialAmount,
        adjustment_total AS AdjustmentTotal, executed_amount AS ExecutedAmount, row_version AS Version, updated_at AS UpdatedAt
        """;

    /// <summary>Budget line id.</summary>
    public long Id { get; init; }
    /// <summary><inheritdoc cref="PerfEval.Application.Adjustments.BudgetAdjustmentResponse.DepartmentCode"/></summary>
    public required string DepartmentCode { get; init; }
    /// <summary><inheritdoc cref="PerfEval.Application.Adjustments.BudgetAdjustmentResponse.FiscalYear"/></summary>
    public int FiscalYear { get; init; }
    /// <summary>Expenditure class (支出分类).</summary>
    public ExpenditureClass ExpenditureClass { get; init; }
    /// <summary>Funding source (资金来源).</summary>
    public FundingSource FundingSource { get; init; }
    /// <summary>The project (项目) of a project line (expenditureClass `project`); null for basic expenditure lines.</summary>
    public long? ProjectId { get; init; }

    /// <summary>年初预算数 initial budget. Yuan (元), exact decimal shown with 2 decimals.</summary>
    public decimal InitialAmount { get; init => field = Rounding.Money(value); }

    /// <summary>Σ 年中调增/调减: the signed sum of the line's adjustments in the ledger. Yuan (元), exact decimal shown with 2 decimals.</summary>
    public decimal AdjustmentTotal { get; init => field = Rounding.Money(value); }

    /// <summary>调整后预算数 adjusted budget = initialAmount + adjustmentTotal. Yuan (元), exact decimal shown with 2 decimals.</summary>
    public decimal AdjustedAmount => InitialAmount + AdjustmentTotal;

    /// <summary>执行数 executed amount (what was actually spent). Yuan (元), exact decimal shown with 2 decimals.</summary>
    public decimal ExecutedAmount { get; init => field = Rounding.Money(value); }

    /// <summary>Row version: the ETag value; send it as `If-Match: "&lt;version&gt;"` to change the resource.</summary>
    public int Version { get; init; }
    /// <summary>When the resource last changed (UTC).</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    internal Scoring.BudgetLineInput ToScoringInput() => new(ExpenditureClass, FundingSource, InitialAmount, AdjustmentTotal, ExecutedAmount, Id);
}

/// <summary>The fields its requests and its response share, each described on the response.</summary>
public interface IBudgetLineFields
{
    /// <summary><inheritdoc cref="PerfEval.Application.Budgets.BudgetLineResponse.ExpenditureClass"/></summary>
    ExpenditureClass ExpenditureClass { get; }
    /// <summary><inheritdoc cref="PerfEval.Application.Budgets.BudgetLineResponse.FundingSource"/></summary>
    FundingSource FundingSource { get; }
    /// <summary><inheritdoc cref="PerfEval.Application.Budgets.BudgetLineResponse.ProjectId"/></summary>
    long? ProjectId { get; }
    /// <summary><inheritdoc cref="PerfEval.Application.Budgets.BudgetLineResponse.InitialAmount"/></summary>
    decimal InitialAmount { get; }
    /// <summary><inheritdoc cref="PerfEval.Application.Budgets.BudgetLineResponse.ExecutedAmount"/></summary>
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
