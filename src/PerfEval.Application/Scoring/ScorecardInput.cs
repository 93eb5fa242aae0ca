using PerfEval.Application.Budgets;
using PerfEval.Application.Evaluations;
using PerfEval.Application.Indicators;

namespace PerfEval.Application.Scoring;

/// <summary>
/// Everything one department-year is scored from; <see cref="ConflictingFacts"/> are facts its report
/// printed with different values (recorded when the report was committed), each a finding's text.
/// </summary>
public sealed record ScorecardInput(
    IReadOnlyList<BudgetLineInput> Lines,
    IReadOnlyList<IndicatorInput> Indicators,
    DeclaredFigures Declared,
    bool DataChangedAfterClose,
    IReadOnlyList<string>? ConflictingFacts = null);

/// <summary>One budget line in yuan: initial, Σ adjustments (signed) and executed amount.</summary>
public sealed record BudgetLineInput(
    ExpenditureClass Class,
    FundingSource Source,
    decimal Initial,
    decimal Adjustments,
    decimal Executed,
    long? LineId);

/// <summary>
/// One performance indicator as recorded. Quantitative: operator, target, mid-year and final value.
/// Qualitative: tier and score. The reviewer's deduction and the report's own (declared) completion
/// and score ride along.
/// </summary>
public sealed record IndicatorInput(
    int Sequence,
    string Name,
    IndicatorKind Kind,
    ComparisonOperator? Operator,
    decimal? Target,
    decimal? Weight,
    decimal? MidYearValue,
    decimal? FinalValue,
    QualitativeTier? Tier,
    decimal? QualitativeScore,
    decimal? ReviewerDeduction,
    string? DeductionReason,
    string? DeviationReason,
    decimal? DeclaredCompletion,
    decimal? DeclaredScore,
    long? IndicatorId);

/// <summary>The report's own (declared) figures, as written: amounts in yuan, rates in percent, scores in points. Each is checked at the number of decimals it was written with (9.8 at 1, 9.80 at 2). A field left out or null is not declared.</summary>
/// <param name="InitialBudget">年初预算数 declared initial budget. Yuan (元), exact decimal shown with 2 decimals. Null: not declared.</param>
/// <param name="Adjustments">年中调整数 declared adjustments (signed). Yuan (元), exact decimal shown with 2 decimals. Null: not declared.</param>
/// <param name="AdjustedBudget">调整后全年预算数 declared adjusted budget. Yuan (元), exact decimal shown with 2 decimals. Null: not declared.</param>
/// <param name="Executed">执行数 declared executed amount. Yuan (元), exact decimal shown with 2 decimals. Null: not declared.</param>
/// <param name="ExpenditureTotal">支出总额 declared expenditure total. Yuan (元), exact decimal shown with 2 decimals. Null: not declared.</param>
/// <param name="BasicExpenditure">基本支出 declared basic expenditure. Yuan (元), exact decimal shown with 2 decimals. Null: not declared.</param>
/// <param name="ProjectExpenditure">项目支出 declared project expenditure. Yuan (元), exact decimal shown with 2 decimals. Null: not declared.</param>
/// <param name="InitialSuperior">Declared initial budget from superior funds (上级资金). Yuan (元), exact decimal shown with 2 decimals. Null: not declared.</param>
/// <param name="InitialOwnLevel">Declared initial budget from own-level funds (本级资金). Yuan (元), exact decimal shown with 2 decimals. Null: not declared.</param>
/// <param name="InitialOther">Declared initial budget from other funds (其他资金). Yuan (元), exact decimal shown with 2 decimals. Null: not declared.</param>
/// <param name="AdjustmentRate">Declared 预算调整率 in percent. As the report wrote it; its number of decimals is the precision it is checked at. Null: not declared.</param>
/// <param name="ExecutionRate">Declared 预算执行率 in percent. As the report wrote it; its number of decimals is the precision it is checked at. Null: not declared.</param>
/// <param name="ExecutionScore">Declared execution score in points. As the report wrote it; its number of decimals is the precision it is checked at. Null: not declared.</param>
/// <param name="CompositeScore">Declared 综合得分 in points. As the report wrote it; its number of decimals is the precision it is checked at. Null: not declared.</param>
/// <param name="Grade">Declared 评价结果; null: not declared.</param>
/// <param name="ProjectBudget">项目总金额 the report's project total, compared with the project lines' adjusted amounts. Yuan (元), exact decimal shown with 2 decimals. Null: not declared.</param>
/// <param name="Personnel">人员经费 the report's personnel budget (the basic budget's part for staff), compared with the personnel lines' adjusted amounts. Yuan (元), exact decimal shown with 2 decimals. Null: not declared.</param>
/// <param name="Operating">公用经费 the report's operating budget, compared with the operating lines' adjusted amounts. Yuan (元), exact decimal shown with 2 decimals. Null: not declared.</param>
/// <param name="ProjectExecuted">执行金额 the report's projects' executed total, compared with the project lines' executed amounts. Yuan (元), exact decimal shown with 2 decimals. Null: not declared.</param>
public sealed record DeclaredFigures(
    decimal? InitialBudget = null,
    decimal? Adjustments = null,
    decimal? AdjustedBudget = null,
    decimal? Executed = null,
    decimal? ExpenditureTotal = null,
    decimal? BasicExpenditure = null,
    decimal? ProjectExpenditure = null,
    decimal? InitialSuperior = null,
    decimal? InitialOwnLevel = null,
    decimal? InitialOther = null,
    decimal? AdjustmentRate = null,
    decimal? ExecutionRate = null,
    decimal? ExecutionScore = null,
    decimal? CompositeScore = null,
    Grade? Grade = null,
    decimal? ProjectBudget = null,
    decimal? ProjectExecuted = null,
    decimal? Personnel = null,
    decimal? Operating = null)
{
    /// <summary>Nothing.</summary>
    public static DeclaredFigures None { get; } =
        new(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
}
