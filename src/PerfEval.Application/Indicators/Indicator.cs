using FluentValidation;
using PerfEval.Application.Common;

namespace PerfEval.Application.Indicators;

/// <summary>A performance indicator (绩效指标) of a department-year, as the report fills it in.</summary>
public sealed record IndicatorResponse : IDepartmentOwned, IVersioned
{
    /// <summary>The table's columns as Dapper reads them into this record.</summary>
    public const string Columns = """
        id AS Id, department_code AS DepartmentCode, fiscal_year AS FiscalYear, sequence AS Sequence, name AS Name,
        category AS Category, subcategory AS Subcategory, kind AS Kind, operator AS Operator, target_value AS Target,
        unit AS Unit, weight AS Weight, mid_year_value AS MidYearValue, final_value AS FinalValue,
        qualitative_tier AS QualitativeTier, qualitative_score AS QualitativeScore, deviation_reason AS DeviationReason,
        improvement_measure AS ImprovementMeasure, evidence AS Evidence, reviewer_deduction AS ReviewerDeduction,
        deduction_reason AS DeductionReason, declared_completion AS DeclaredCompletion, declared_score AS DeclaredScore,
        row_version AS Version, updated_at AS UpdatedAt
        """;

    /// <summary>Indicator id.</summary>
    public long Id { get; init; }
    /// <summary><inheritdoc cref="PerfEval.Application.Adjustments.BudgetAdjustmentResponse.DepartmentCode"/></summary>
    public required string DepartmentCode { get; init; }
    /// <summary><inheritdoc cref="PerfEval.Application.Adjustments.BudgetAdjustmentResponse.FiscalYear"/></summary>
    public int FiscalYear { get; init; }
    /// <summary>Position in the report (序号), 1–1000; unique per department-year.</summary>
    public int Sequence { get; init; }
    /// <summary>Indicator name (指标名称).</summary>
    public required string Name { get; init; }
    /// <summary>Level-1 category (一级指标).</summary>
    public IndicatorCategory Category { get; init; }
    /// <summary>Level-2 category (二级指标).</summary>
    public IndicatorSubcategory Subcategory { get; init; }
    /// <summary>定量 quantitative or 定性 qualitative.</summary>
    public IndicatorKind Kind { get; init; }
    /// <summary>How the target is stated (≥, ≤, =); required for a quantitative indicator, null for a qualitative one.</summary>
    public ComparisonOperator? Operator { get; init; }

    /// <summary>指标值 target value, in `unit`; required for a quantitative indicator. Exact decimal, at most 8 decimals.</summary>
    public decimal? Target { get; init; }
    /// <summary>Unit of target and values as the report writes it (项, 万元, %, 家 …), at most 32 characters.</summary>
    public string? Unit { get; init; }

    /// <summary>分值/权重 weight in points (0–100, at most 8 decimals); null means missing: no score and no composite (a finding).</summary>
    public decimal? Weight { get; init; }

    /// <summary>年中监控完成值 mid-year monitoring value, in `unit`; null when not monitored.</summary>
    public decimal? MidYearValue { get; init; }

    /// <summary>本次评价完成值 final value, in `unit`; null while not yet evaluated (no completion, no score).</summary>
    public decimal? FinalValue { get; init; }
    /// <summary>Qualitative tier recorded by the evaluator; only for a qualitative indicator.</summary>
    public QualitativeTier? QualitativeTier { get; init; }
    /// <summary>The evaluator's score for a qualitative indicator, ≥ 0; it must lie in its tier's band. Null for a quantitative one.</summary>
    public decimal? QualitativeScore { get; init; }

    /// <summary>偏差原因 deviation reason; needed when completion is ≥ 120 % or &lt; 100 %. At most 2,000 characters.</summary>
    public string? DeviationReason { get; init; }

    /// <summary>改进措施 improvement measure, at most 2,000 characters.</summary>
    public string? ImprovementMeasure { get; init; }

    /// <summary>依据资料 evidence, at most 2,000 characters.</summary>
    public string? Evidence { get; init; }

    /// <summary>A reviewer's deduction in points for a target set clearly too low (10号); never applied silently: it needs `deductionReason`.</summary>
    public decimal? ReviewerDeduction { get; init; }
    /// <summary>Why the reviewer deducted; required when reviewerDeduction &gt; 0.</summary>
    public string? DeductionReason { get; init; }

    /// <summary>The report's own completion rate in percent. As the report wrote it; its number of decimals is the precision it is checked at.</summary>
    public decimal? DeclaredCompletion { get; init; }

    /// <summary>The report's own score in points. As the report wrote it; its number of decimals is the precision it is checked at.</summary>
    public decimal? DeclaredScore { get; init; }
    /// <summary><inheritdoc cref="PerfEval.Application.Budgets.BudgetLineResponse.Version"/></summary>
    public int Version { get; init; }
    /// <summary><inheritdoc cref="PerfEval.Application.Budgets.BudgetLineResponse.UpdatedAt"/></summary>
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>The fields its requests and its response share, each described on the response.</summary>
public interface IIndicatorFields
{
    /// <summary><inheritdoc cref="PerfEval.Application.Indicators.IndicatorResponse.Sequence"/></summary>
    int? Sequence { get; }
    /// <summary><inheritdoc cref="PerfEval.Application.Indicators.IndicatorResponse.Name"/></summary>
    string Name { get; }
    /// <summary><inheritdoc cref="PerfEval.Application.Indicators.IndicatorResponse.Category"/></summary>
    IndicatorCategory Category { get; }
    /// <summary><inheritdoc cref="PerfEval.Application.Indicators.IndicatorResponse.Subcategory"/></summary>
    IndicatorSubcategory Subcategory { get; }
    /// <summary><inheritdoc cref="PerfEval.Application.Indicators.IndicatorResponse.Kind"/></summary>
    IndicatorKind Kind { get; }
    /// <summary><inheritdoc cref="PerfEval.Application.Indicators.IndicatorResponse.Operator"/></summary>
    ComparisonOperator? Operator { get; }
    /// <summary><inheritdoc cref="PerfEval.Application.Indicators.IndicatorResponse.Target"/></summary>
    decimal? Target { get; }
    /// <summary><inheritdoc cref="PerfEval.Application.Indicators.IndicatorResponse.Unit"/></summary>
    string? Unit { get; }
    /// <summary><inheritdoc cref="PerfEval.Application.Indicators.IndicatorResponse.Weight"/></summary>
    decimal? Weight { get; }
    /// <summary><inheritdoc cref="PerfEval.Application.Indicators.IndicatorResponse.MidYearValue"/></summary>
    decimal? MidYearValue { get; }
    /// <summary><inheritdoc cref="PerfEval.Application.Indicators.IndicatorResponse.FinalValue"/></summary>
    decimal? FinalValue { get; }
    /// <summary><inheritdoc cref="PerfEval.Application.Indicators.IndicatorResponse.QualitativeTier"/></summary>
    QualitativeTier? QualitativeTier { get; }
    /// <summary><inheritdoc cref="PerfEval.Application.Indicators.IndicatorResponse.QualitativeScore"/></summary>
    decimal? QualitativeScore { get; }
    /// <summary><inheritdoc cref="PerfEval.Application.Indicators.IndicatorResponse.DeviationReason"/></summary>
    string? DeviationReason { get; }
    /// <summary><inheritdoc cref="PerfEval.Application.Indicators.IndicatorResponse.ImprovementMeasure"/></summary>
    string? ImprovementMeasure { get; }
    /// <summary><inheritdoc cref="PerfEval.Application.Indicators.IndicatorResponse.Evidence"/></summary>
    string? Evidence { get; }
    /// <summary><inheritdoc cref="PerfEval.Application.Indicators.IndicatorResponse.ReviewerDeduction"/></summary>
    decimal? ReviewerDeduction { get; }
    /// <summary><inheritdoc cref="PerfEval.Application.Indicators.IndicatorResponse.DeductionReason"/></summary>
    string? DeductionReason { get; }
    /// <summary><inheritdoc cref="PerfEval.Application.Indicators.IndicatorResponse.DeclaredCompletion"/></summary>
    decimal? DeclaredCompletion { get; }
    /// <summary><inheritdoc cref="PerfEval.Application.Indicators.IndicatorResponse.DeclaredScore"/></summary>
    decimal? DeclaredScore { get; }
}

internal static class IndicatorFieldRules
{
    private const string SequenceTakenSql = """
        SELECT COUNT(*) FROM indicators
        WHERE department_code = @DepartmentCode AND fiscal_year = @FiscalYear AND sequence = @Sequence AND id <> @Id
        """;

    public static async Task EnsureSequenceFreeAsync(this DbSession db, long id, string departmentCode, int fiscalYear, int sequence, CancellationToken ct)
    {
        if (await db.ExecuteScalarAsync<int>(SequenceTakenSql, new { Id = id, DepartmentCode = departmentCode, FiscalYear = fiscalYear, Sequence = sequence }, ct) > 0)
        {
            throw new ConflictException(Messages.DuplicateIndicator.Format(departmentCode, sequence, fiscalYear));
        }
    }

    public static void AddIndicatorFieldRules<T>(this AbstractValidator<T> v)
        where T : IIndicatorFields
    {
        v.RuleFor(x => x.Sequence).InclusiveBetween(1, 1000);
        v.RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
        v.RuleFor(x => x.Category).IsInEnum();
        v.RuleFor(x => x.Subcategory).IsInEnum();
        v.RuleFor(x => x.Kind).IsInEnum();
        v.RuleFor(x => x.Operator).IsInEnum();
        v.RuleFor(x => x.Operator).NotNull().When(x => x.Kind == IndicatorKind.Quantitative)
            .WithMessage(_ => Messages.OperatorNeeded.Current);
        v.RuleFor(x => x.Target).NotNull().When(x => x.Kind == IndicatorKind.Quantitative)
            .WithMessage(_ => Messages.TargetNeeded.Current);
        v.RuleFor(x => x.QualitativeTier).IsInEnum();
        v.RuleFor(x => x.QualitativeTier).Null().When(x => x.Kind == IndicatorKind.Quantitative)
            .WithMessage(_ => Messages.TierOnlyQualitative.Current);
        v.RuleFor(x => x.QualitativeScore).Null().When(x => x.Kind == IndicatorKind.Quantitative)
            .WithMessage(_ => Messages.ScoreOnlyQualitative.Current);
        v.RuleFor(x => x.QualitativeScore).NotNull().When(x => x.Kind == IndicatorKind.Qualitative && x.QualitativeTier is not null)
            .WithMessage(_ => Messages.TierNeedsScore.Current);
        v.RuleFor(x => x.Target).Measure();
        v.RuleFor(x => x.MidYearValue).Measure();
        v.RuleFor(x => x.FinalValue).Measure();
        v.RuleFor(x => x.Weight).Measure().Must(w => w is null or >= 0 and <= 100).WithMessage(_ => Messages.Between0And100.Current);
        v.RuleFor(x => x.QualitativeScore).Measure().Must(s => s is null or >= 0).WithMessage(_ => Messages.NotNegative.Current);
        v.RuleFor(x => x.ReviewerDeduction).Measure().Must(d => d is null or >= 0).WithMessage(_ => Messages.NotNegative.Current);
        v.RuleFor(x => x.DeductionReason).NotEmpty().When(x => x.ReviewerDeduction is > 0)
            .WithMessage(_ => Messages.DeductionReason.Current);
        v.RuleFor(x => x.DeclaredCompletion).Measure();
        v.RuleFor(x => x.DeclaredScore).Measure();
        v.RuleFor(x => x.Unit).MaximumLength(32);
        v.RuleFor(x => x.DeviationReason).MaximumLength(2000);
        v.RuleFor(x => x.ImprovementMeasure).MaximumLength(2000);
        v.RuleFor(x => x.Evidence).MaximumLength(2000);
        v.RuleFor(x => x.DeductionReason).MaximumLength(2000);
    }

    public static object Parameters(long id, string departmentCode, int fiscalYear, int sequence, IIndicatorFields f, DateTimeOffset now, int? expectedVersion = null) => new
    {
        Id = id,
        DepartmentCode = departmentCode,
        FiscalYear = fiscalYear,
        Sequence = sequence,
        f.Name,
        Category = f.Category.ToString(),
        Subcategory = f.Subcategory.ToString(),
        Kind = f.Kind.ToString(),
        Operator = Sql.Name(f.Operator),
        f.Target,
        f.Unit,
        f.Weight,
        f.MidYearValue,
        f.FinalValue,
        QualitativeTier = Sql.Name(f.QualitativeTier),
        f.QualitativeScore,
        f.DeviationReason,
        f.ImprovementMeasure,
        f.Evidence,
        f.ReviewerDeduction,
        f.DeductionReason,
        DeclaredCompletion = Sql.AsWritten(f.DeclaredCompletion),
        DeclaredScore = Sql.AsWritten(f.DeclaredScore),
        Now = now,
        ExpectedVersion = expectedVersion,
    };
}
