using FluentValidation;
using PerfEval.Application.Common;

namespace PerfEval.Application.Indicators;

/// <summary>A performance indicator (绩效指标) of a department-year's self-evaluation, as filled in.</summary>
public sealed record IndicatorResponse : IDepartmentOwned, IVersioned
{
    public const string Columns = """
        id AS Id, department_code AS DepartmentCode, fiscal_year AS FiscalYear, sequence AS Sequence, name AS Name,
        category AS Category, subcategory AS Subcategory, kind AS Kind, operator AS Operator, target_value AS Target,
        unit AS Unit, weight AS Weight, mid_year_value AS MidYearValue, final_value AS FinalValue,
        qualitative_tier AS QualitativeTier, qualitative_score AS QualitativeScore, deviation_reason AS DeviationReason,
        improvement_measure AS ImprovementMeasure, evidence AS Evidence, reviewer_deduction AS ReviewerDeduction,
        deduction_reason AS DeductionReason, declared_completion AS DeclaredCompletion, declared_score AS DeclaredScore,
        row_version AS Version, updated_at AS UpdatedAt
        """;

    public long Id { get; init; }
    public required string DepartmentCode { get; init; }
    public int FiscalYear { get; init; }
    public int Sequence { get; init; }
    public required string Name { get; init; }
    public IndicatorCategory Category { get; init; }
    public IndicatorSubcategory Subcategory { get; init; }
    public IndicatorKind Kind { get; init; }
    public ComparisonOperator? Operator { get; init; }

    /// <summary>指标值, in <see cref="Unit"/>.</summary>
    public decimal? Target { get; init; }
    public string? Unit { get; init; }

    /// <summary>分值/权重.</summary>
    public decimal? Weight { get; init; }

    /// <summary>年中监控完成值.</summary>
    public decimal? MidYearValue { get; init; }

    /// <summary>本次评价完成值.</summary>
    public decimal? FinalValue { get; init; }
    public QualitativeTier? QualitativeTier { get; init; }
    public decimal? QualitativeScore { get; init; }

    /// <summary>偏差原因.</summary>
    public string? DeviationReason { get; init; }

    /// <summary>改进措施.</summary>
    public string? ImprovementMeasure { get; init; }

    /// <summary>依据资料.</summary>
    public string? Evidence { get; init; }

    /// <summary>A reviewer's deduction for a target set clearly too low (never applied silently: it needs a reason).</summary>
    public decimal? ReviewerDeduction { get; init; }
    public string? DeductionReason { get; init; }

    /// <summary>The report's own completion rate, as written.</summary>
    public decimal? DeclaredCompletion { get; init; }

    /// <summary>The report's own score, as written.</summary>
    public decimal? DeclaredScore { get; init; }
    public int Version { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

public interface IIndicatorFields
{
    int? Sequence { get; }
    string Name { get; }
    IndicatorCategory Category { get; }
    IndicatorSubcategory Subcategory { get; }
    IndicatorKind Kind { get; }
    ComparisonOperator? Operator { get; }
    decimal? Target { get; }
    string? Unit { get; }
    decimal? Weight { get; }
    decimal? MidYearValue { get; }
    decimal? FinalValue { get; }
    QualitativeTier? QualitativeTier { get; }
    decimal? QualitativeScore { get; }
    string? DeviationReason { get; }
    string? ImprovementMeasure { get; }
    string? Evidence { get; }
    decimal? ReviewerDeduction { get; }
    string? DeductionReason { get; }
    decimal? DeclaredCompletion { get; }
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
