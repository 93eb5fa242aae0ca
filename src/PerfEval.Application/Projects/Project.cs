using FluentValidation;
using PerfEval.Application.Budgets;
using PerfEval.Application.Common;
using PerfEval.Application.Scoring;

namespace PerfEval.Application.Projects;

/// <summary>A project (项目) of a department-year; on-platform (线上) projects are managed in the finance performance platform.</summary>
public sealed record ProjectResponse : IDepartmentOwned, IVersioned
{
    public const string Columns = """
        id AS Id, department_code AS DepartmentCode, fiscal_year AS FiscalYear, name AS Name,
        funding_source AS FundingSource, on_platform AS OnPlatform, budget AS Budget, executed AS Executed,
        row_version AS Version, updated_at AS UpdatedAt
        """;

    public long Id { get; init; }
    public required string DepartmentCode { get; init; }
    public int FiscalYear { get; init; }
    public required string Name { get; init; }
    public FundingSource FundingSource { get; init; }
    public bool OnPlatform { get; init; }
    public decimal Budget { get; init => field = Rounding.Money(value); }
    public decimal Executed { get; init => field = Rounding.Money(value); }

    /// <summary>执行率: executed / budget × 100, 2 decimals; null when the budget is 0.</summary>
    public decimal? ExecutionRate => Rounding.Default.Percent(Executed, Budget);

    public int Version { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

public interface IProjectFields
{
    string Name { get; }
    FundingSource FundingSource { get; }
    bool OnPlatform { get; }
    decimal Budget { get; }
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
