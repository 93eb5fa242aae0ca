using FluentValidation;
using PerfEval.Application.Budgets;
using PerfEval.Application.Common;
using PerfEval.Application.Scoring;

namespace PerfEval.Application.Projects;

/// <summary>A project (项目) of a department-year.</summary>
public sealed record ProjectResponse : IDepartmentOwned, IVersioned
{
    /// <summary>The table's columns as Dapper reads them into this record.</summary>
    public const string Columns = """
        id AS Id, department_code AS DepartmentCode, fiscal_year AS FiscalYear, name AS Name,
        funding_source AS FundingSource, on_platform AS OnPlatform, budget AS Budget, executed AS Executed,
        row_version AS Version, updated_at AS UpdatedAt
        """;

    /// <summary>Project id.</summary>
    public long Id { get; init; }
    /// <summary><inheritdoc cref="PerfEval.Application.Adjustments.BudgetAdjustmentResponse.DepartmentCode"/></summary>
    public required string DepartmentCode { get; init; }
    /// <summary><inheritdoc cref="PerfEval.Application.Adjustments.BudgetAdjustmentResponse.FiscalYear"/></summary>
    public int FiscalYear { get; init; }
    /// <summary>Project name (项目名称).</summary>
    public required string Name { get; init; }
    /// <summary><inheritdoc cref="PerfEval.Application.Budgets.BudgetLineResponse.FundingSource"/></summary>
    public FundingSource FundingSource { get; init; }
    /// <summary>true: 线上, managed in the finance performance platform; false: 线下, tracked internally.</summary>
    public bool OnPlatform { get; init; }
    /// <summary>Project budget (项目预算). Yuan (元), exact decimal shown with 2 decimals.</summary>
    public decimal Budget { get; init => field = Rounding.Money(value); }
    /// <summary>Executed amount (执行数). Yuan (元), exact decimal shown with 2 decimals.</summary>
    public decimal Executed { get; init => field = Rounding.Money(value); }

    /// <summary>执行率 = executed / budget × 100. Percent, rounded to 2 decimals half away from zero (四舍五入); null when its base is 0.</summary>
    public decimal? ExecutionRate => Rounding.Default.Percent(Executed, Budget);

    /// <summary><inheritdoc cref="PerfEval.Application.Budgets.BudgetLineResponse.Version"/></summary>
    public int Version { get; init; }
    /// <summary><inheritdoc cref="PerfEval.Application.Budgets.BudgetLineResponse.UpdatedAt"/></summary>
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>The fields its requests and its response share, each described on the response.</summary>
public interface IProjectFields
{
    /// <summary><inheritdoc cref="PerfEval.Application.Projects.ProjectResponse.Name"/></summary>
    string Name { get; }
    /// <summary><inheritdoc cref="PerfEval.Application.Projects.ProjectResponse.FundingSource"/></summary>
    FundingSource FundingSource { get; }
    /// <summary><inheritdoc cref="PerfEval.Application.Projects.ProjectResponse.OnPlatform"/></summary>
    bool OnPlatform { get; }
    /// <summary><inheritdoc cref="PerfEval.Application.Projects.ProjectResponse.Budget"/></summary>
    decimal Budget { get; }
    /// <summary><inheritdoc cref="PerfEval.Application.Projects.ProjectResponse.Executed"/></summary>
    decimal Executed { get; }
}

internal static class ProjectFieldRules
{
    public static void AddProjectFieldRules<T>(this AbstractValidator<T> v)
        where T : IProjectFields
    {
        v.RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
        v.RuleFor(x => x.FundingSource).IsInEnum();
        v.RuleFor(x => x.Budget).NonNegativeYuan();
        v.RuleFor(x => x.Executed).NonNegativeYuan();
    }
}
