using FluentValidation;
using PerfEval.Application.Budgets;
using PerfEval.Application.Common;
using PerfEval.Application.Indicators;
using PerfEval.Application.Scoring;

namespace PerfEval.Application.Monitoring;

/// <summary>Executed to date for one budget line, or for a whole expenditure class when only that is known (exactly one of the two).</summary>
/// <param name="Amount">执行数 to date, in yuan.</param>
/// <param name="LineId">The department-year's budget line.</param>
/// <param name="ExpenditureClass">The expenditure class, when the lines are not known.</param>
public sealed record ExecutedToDate(decimal Amount, long? LineId = null, ExpenditureClass? ExpenditureClass = null);

/// <summary>A red or yellow budget's explanation (预算执行偏差说明).</summary>
/// <param name="Cause">偏差原因类别: 经费保障 funding, 制度保障 institutional, 人员保障 staffing, 硬件条件保障 facilities, 其他 other.</param>
/// <param name="CauseText">偏差原因说明.</param>
/// <param name="Likelihood">完成可能性: 确定能 certain, 有可能 possible, 完全不可能 impossible.</param>
/// <param name="ExpectedFullYear">全年预计执行数, in yuan.</param>
/// <param name="CorrectiveMeasure">纠偏措施.</param>
public sealed record BudgetDeviation(
    DeviationCause? Cause = null,
    string? CauseText = null,
    TargetLikelihood? Likelihood = null,
    decimal? ExpectedFullYear = null,
    string? CorrectiveMeasure = null);

/// <summary>One indicator's progress in a monitoring round (指标完成进度).</summary>
/// <param name="IndicatorId">The department-year's indicator.</param>
/// <param name="CurrentValue">当前完成值 (quantitative indicators), in the indicator's unit.</param>
/// <param name="CurrentTier">当前评价等级 (qualitative indicators).</param>
/// <param name="ExpectedFullYear">全年预计完成值.</param>
/// <param name="Likelihood">完成目标可能性: 确定能 certain, 有可能 possible, 完全不可能 impossible.</param>
/// <param name="Cause">偏差原因类别.</param>
/// <param name="CauseText">偏差原因说明.</param>
/// <param name="CorrectiveMeasure">纠偏措施.</param>
public sealed record IndicatorProgress(
    long IndicatorId,
    decimal? CurrentValue = null,
    QualitativeTier? CurrentTier = null,
    decimal? ExpectedFullYear = null,
    TargetLikelihood? Likelihood = null,
    DeviationCause? Cause = null,
    string? CauseText = null,
    string? CorrectiveMeasure = null);

/// <summary>A monitoring round (绩效运行监控) of a department-year as reported: executed to date and each indicator's progress as of a date.</summary>
public sealed record MonitoringRoundResponse : IDepartmentOwned, IVersioned
{
    public long Id { get; init; }
    public required string DepartmentCode { get; init; }
    public int FiscalYear { get; init; }

    /// <summary>截止日期: the date the round reports as of.</summary>
    public DateOnly AsOf { get; init; }

    /// <summary>Executed to date, per line or per expenditure class.</summary>
    public required IReadOnlyList<ExecutedToDate> Executed { get; init; }

    /// <summary>The budget's deviation explanation.</summary>
    public required BudgetDeviation Budget { get; init; }

    /// <summary>Each indicator's progress, in indicator order.</summary>
    public required IReadOnlyList<IndicatorProgress> Indicators { get; init; }
    public int Version { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>What creating and replacing a round both carry.</summary>
public interface IMonitoringRoundFields
{
    DateOnly AsOf { get; }
    IReadOnlyList<ExecutedToDate>? Executed { get; }
    BudgetDeviation? Budget { get; }
    IReadOnlyList<IndicatorProgress>? Indicators { get; }
    string DepartmentCode { get; }
    int FiscalYear { get; }
}

internal static class MonitoringRoundStore
{
    public const int MaxExecuted = 500;
    public const int MaxIndicators = 1000;
    public const int MaxText = 2000;

    private const string RoundSql = """
        SELECT id AS Id, department_code AS DepartmentCode, fiscal_year AS FiscalYear, as_of AS AsOf,
            budget_cause AS BudgetCause, budget_cause_text AS BudgetCauseText, budget_likelihood AS BudgetLikelihood,
            budget_expected_full_year AS BudgetExpectedFullYear, budget_corrective_measure AS BudgetCorrectiveMeasure,
            row_version AS Version, updated_at AS UpdatedAt
        FROM monitoring_rounds
        WHERE id = @Id AND department_code = @DepartmentCode AND fiscal_year = @FiscalYear
        """;

    private const string ExecutedSql = """
        SELECT executed_amount AS Amount, budget_line_id AS LineId, expenditure_class AS ExpenditureClass
        FROM monitoring_executions WHERE round_id = @Id ORDER BY sequence
        """;

    private const string ProgressSql = """
        SELECT v.indicator_id AS IndicatorId, v.current_value AS CurrentValue, v.current_tier AS CurrentTier,
            v.expected_full_year AS ExpectedFullYear, v.likelihood AS Likelihood, v.cause AS Cause, v.cause_text AS CauseText,
            v.corrective_measure AS CorrectiveMeasure
        FROM monitoring_indicator_values v JOIN indicators i ON i.id = v.indicator_id
        WHERE v.round_id = @Id ORDER BY i.sequence
        """;

    private const string RoundAtSql = """
        SELECT id FROM monitoring_rounds
        WHERE department_code = @DepartmentCode AND fiscal_year = @FiscalYear AND as_of = @AsOf AND id <> @Id
        """;

    private const string LinesSql = "SELECT id AS Id, expenditure_class AS ExpenditureClass FROM budget_lines WHERE department_code = @DepartmentCode AND fiscal_year = @FiscalYear";

    private const string IndicatorKindsSql = "SELECT id AS Id, kind AS Kind FROM indicators WHERE department_code = @DepartmentCode AND fiscal_year = @FiscalYear";

    private const string DeleteExecutedSql = "DELETE FROM monitoring_executions WHERE round_id = @Id";

    private const string DeleteProgressSql = "DELETE FROM monitoring_indicator_values WHERE round_id = @Id";

    private const string InsertExecutedSql = """
        INSERT INTO monitoring_executions (round_id, sequence, budget_line_id, expenditure_class, executed_amount)
        VALUES (@RoundId, @Sequence, @LineId, @ExpenditureClass, @Amount)
        """;

    private const string InsertProgressSql = """
        INSERT INTO monitoring_indicator_values (round_id, indicator_id, current_value, current_tier, expected_full_year,
            likelihood, cause, cause_text, corrective_measure)
        VALUES (@RoundId, @IndicatorId, @CurrentValue, @CurrentTier, @ExpectedFullYear, @Likelihood, @Cause, @CauseText, @CorrectiveMeasure)
        """;

    public static void AddRoundRules<T>(this AbstractValidator<T> v)
        where T : IMonitoringRoundFields
    {
        v.RuleFor(x => x.FiscalYear).FiscalYear();
        v.RuleFor(x => x.AsOf).Must((x, asOf) => asOf.Year == x.FiscalYear)
            .WithMessage(x => Messages.AsOfOutsideYear.Format(x.FiscalYear));
        v.RuleFor(x => x.Executed).Must(e => e is null || e.Count <= MaxExecuted);
        v.RuleForEach(x => x.Executed).ChildRules(item =>
        {
            item.RuleFor(e => e.Amount).NonNegativeYuan();
            item.RuleFor(e => e.ExpenditureClass).IsInEnum();
            item.RuleFor(e => e).Must(e => (e.LineId is null) != (e.ExpenditureClass is null))
                .WithName("lineId").WithMessage(_ => Messages.ExecutedLineOrClass.Current);
        });
        v.RuleFor(x => x.Executed).Must(e => e is null
                || (e.Where(i => i.LineId is not null).Select(i => i.LineId).Distinct().Count() == e.Count(i => i.LineId is not null)
                    && e.Where(i => i.ExpenditureClass is not null).Select(i => i.ExpenditureClass).Distinct().Count() == e.Count(i => i.ExpenditureClass is not null)))
            .WithMessage(_ => Messages.ExecutedDuplicate.Current);
        v.RuleFor(x => x.Budget).ChildRules(b =>
        {
            b.RuleFor(d => d!.Cause).IsInEnum();
            b.RuleFor(d => d!.Likelihood).IsInEnum();
            b.RuleFor(d => d!.ExpectedFullYear).Yuan().Must(a => a is null or >= 0).WithMessage(_ => Messages.NotNegative.Current);
            b.RuleFor(d => d!.CauseText).MaximumLength(MaxText);
            b.RuleFor(d => d!.CorrectiveMeasure).MaximumLength(MaxText);
        }).When(x => x.Budget is not null);
        v.RuleFor(x => x.Indicators).Must(i => i is null || i.Count <= MaxIndicators);
        v.RuleFor(x => x.Indicators).Must(i => i is null || i.Select(p => p.IndicatorId).Distinct().Count() == i.Count)
            .WithMessage(_ => Messages.ProgressDuplicate.Current);
        v.RuleForEach(x => x.Indicators).ChildRules(item =>
        {
            item.RuleFor(p => p.CurrentValue).Measure();
            item.RuleFor(p => p.ExpectedFullYear).Measure();
            item.RuleFor(p => p.CurrentTier).IsInEnum();
            item.RuleFor(p => p.Likelihood).IsInEnum();
            item.RuleFor(p => p.Cause).IsInEnum();
            item.RuleFor(p => p.CauseText).MaximumLength(MaxText);
            item.RuleFor(p => p.CorrectiveMeasure).MaximumLength(MaxText);
        });
    }

    /// <summary>The round at <paramref name="id"/> of the department-year, or 404.</summary>
    public static async Task<MonitoringRoundResponse> LoadAsync(DbSession db, string departmentCode, int fiscalYear, long id, CancellationToken ct)
    {
        var key = new { Id = id, DepartmentCode = departmentCode, FiscalYear = fiscalYear };
        var round = await db.QuerySingleOrDefaultAsync<RoundRow>(RoundSql, key, ct) ?? throw new NotFoundException("Monitoring round", id);
        return new MonitoringRoundResponse
        {
            Id = round.Id,
            DepartmentCode = round.DepartmentCode,
            FiscalYear = round.FiscalYear,
            AsOf = round.AsOf,
            Executed = [.. (await db.QueryAsync<ExecutedRow>(ExecutedSql, key, ct)).Select(e => new ExecutedToDate(e.Amount, e.LineId, e.ExpenditureClass))],
            Budget = new BudgetDeviation(round.BudgetCause, round.BudgetCauseText, round.BudgetLikelihood, round.BudgetExpectedFullYear, round.BudgetCorrectiveMeasure),
            Indicators = [.. (await db.QueryAsync<ProgressRow>(ProgressSql, key, ct)).Select(p => new IndicatorProgress(
                p.IndicatorId, p.CurrentValue, p.CurrentTier, p.ExpectedFullYear, p.Likelihood, p.Cause, p.CauseText, p.CorrectiveMeasure))],
            Version = round.Version,
            UpdatedAt = round.UpdatedAt,
        };
    }

    /// <summary>
    /// What the validator cannot see: one round per as-of date (409), lines and indicators of this
    /// department-year (422), a class given by its lines and as a class (422), a value or a tier as the
    /// indicator's kind asks (422).
    /// </summary>
    public static async Task EnsureConsistentAsync(this DbSession db, IMonitoringRoundFields round, long id, CancellationToken ct)
    {
        var key = new { round.DepartmentCode, round.FiscalYear, round.AsOf, Id = id };
        if (await db.QuerySingleOrDefaultAsync<long?>(RoundAtSql, key, ct) is not null)
        {
            throw new ConflictException(Messages.MonitoringRoundExists.Format(round.DepartmentCode, round.FiscalYear, round.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        }

        var errors = new Dictionary<string, string[]>();
        var executed = round.Executed ?? [];
        if (executed.Count > 0)
        {
            var lines = (await db.QueryAsync<LineRow>(LinesSql, key, ct)).ToDictionary(l => l.Id, l => l.ExpenditureClass);
            for (var i = 0; i < executed.Count; i++)
            {
                if (executed[i].LineId is { } lineId && !lines.ContainsKey(lineId))
                {
                    errors[$"executed[{i}].lineId"] = [Messages.ExecutedLineMissing.Format(lineId, round.DepartmentCode, round.FiscalYear)];
                }
            }

            var classesByLine = executed.Where(e => e.LineId is { } l && lines.ContainsKey(l)).Select(e => lines[e.LineId!.Value]).ToHashSet();
            for (var i = 0; i < executed.Count; i++)
            {
                if (executed[i].ExpenditureClass is { } c && classesByLine.Contains(c))
                {
                    errors[$"executed[{i}].expenditureClass"] = [Messages.ExecutedClassTwice.Format(c)];
                }
            }
        }

        var progress = round.Indicators ?? [];
        if (progress.Count > 0)
        {
            var kinds = (await db.QueryAsync<IndicatorKindRow>(IndicatorKindsSql, key, ct)).ToDictionary(k => k.Id, k => k.Kind);
            for (var i = 0; i < progress.Count; i++)
            {
                var p = progress[i];
                if (!kinds.TryGetValue(p.IndicatorId, out var kind))
                {
                    errors[$"indicators[{i}].indicatorId"] = [Messages.ProgressIndicatorMissing.Format(p.IndicatorId, round.DepartmentCode, round.FiscalYear)];
                }
                else if (kind == IndicatorKind.Quantitative && p.CurrentTier is not null)
                {
                    errors[$"indicators[{i}].currentTier"] = [Messages.ProgressTierOnlyQualitative.Format(p.IndicatorId)];
                }
                else if (kind == IndicatorKind.Qualitative && p.CurrentValue is not null)
                {
                    errors[$"indicators[{i}].currentValue"] = [Messages.ProgressValueOnlyQuantitative.Format(p.IndicatorId)];
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new BusinessRuleException(errors.First().Value[0], errors);
        }
    }

    /// <summary>Replaces the round's executed amounts and indicator progress with the request's.</summary>
    public static async Task WriteItemsAsync(this DbSession db, long roundId, IMonitoringRoundFields round, CancellationToken ct)
    {
        await db.ExecuteAsync(DeleteExecutedSql, new { Id = roundId }, ct);
        await db.ExecuteAsync(DeleteProgressSql, new { Id = roundId }, ct);
        var executed = round.Executed ?? [];
        for (var i = 0; i < executed.Count; i++)
        {
            var e = executed[i];
            await db.ExecuteAsync(InsertExecutedSql, new { RoundId = roundId, Sequence = i + 1, e.LineId, ExpenditureClass = Sql.Name(e.ExpenditureClass), e.Amount }, ct);
        }

        foreach (var p in round.Indicators ?? [])
        {
            await db.ExecuteAsync(InsertProgressSql, new
            {
                RoundId = roundId,
                p.IndicatorId,
                p.CurrentValue,
                CurrentTier = Sql.Name(p.CurrentTier),
                p.ExpectedFullYear,
                Likelihood = Sql.Name(p.Likelihood),
                Cause = Sql.Name(p.Cause),
                p.CauseText,
                p.CorrectiveMeasure,
            }, ct);
        }
    }

    /// <summary>The round's own columns as parameters (the budget's explanation flattened).</summary>
    public static object Parameters(long id, IMonitoringRoundFields round, DateTimeOffset now, int? expectedVersion = null)
    {
        var budget = round.Budget ?? new BudgetDeviation();
        return new
        {
            Id = id,
            round.DepartmentCode,
            round.FiscalYear,
            round.AsOf,
            BudgetCause = Sql.Name(budget.Cause),
            BudgetCauseText = budget.CauseText,
            BudgetLikelihood = Sql.Name(budget.Likelihood),
            BudgetExpectedFullYear = budget.ExpectedFullYear,
            BudgetCorrectiveMeasure = budget.CorrectiveMeasure,
            Now = now,
            ExpectedVersion = expectedVersion,
        };
    }

    private sealed record RoundRow
    {
        public long Id { get; init; }
        public required string DepartmentCode { get; init; }
        public int FiscalYear { get; init; }
        public DateOnly AsOf { get; init; }
        public DeviationCause? BudgetCause { get; init; }
        public string? BudgetCauseText { get; init; }
        public TargetLikelihood? BudgetLikelihood { get; init; }
        public decimal? BudgetExpectedFullYear { get; init; }
        public string? BudgetCorrectiveMeasure { get; init; }
        public int Version { get; init; }
        public DateTimeOffset UpdatedAt { get; init; }
    }

    private sealed record ExecutedRow
    {
        public decimal Amount { get; init; }
        public long? LineId { get; init; }
        public ExpenditureClass? ExpenditureClass { get; init; }
    }

    /// <summary>Also what the read model reads a round's progress into.</summary>
    internal sealed record ProgressRow
    {
        public long RoundId { get; init; }
        public long IndicatorId { get; init; }
        public decimal? CurrentValue { get; init; }
        public QualitativeTier? CurrentTier { get; init; }
        public decimal? ExpectedFullYear { get; init; }
        public TargetLikelihood? Likelihood { get; init; }
        public DeviationCause? Cause { get; init; }
        public string? CauseText { get; init; }
        public string? CorrectiveMeasure { get; init; }
    }

    private sealed record LineRow
    {
        public long Id { get; init; }
        public ExpenditureClass ExpenditureClass { get; init; }
    }

    private sealed record IndicatorKindRow
    {
        public long Id { get; init; }
        public IndicatorKind Kind { get; init; }
    }
}
