using static System.FormattableString;

namespace PerfEval.Application.Scoring;

/// <summary>How the time progress (序时进度) of a monitoring round's as-of date is counted.</summary>
public enum TimeProgressConvention
{
    /// <summary>as-of month / 12 × 100: the month's reporting counts the whole month (June: 50).</summary>
    MonthOfYear,

    /// <summary>as-of day of the year / days in the year × 100, the as-of day included (leap years have 366).</summary>
    ElapsedDays,
}

/// <summary>Which rule lights the budget of a monitoring round.</summary>
public enum BudgetMonitoringRule
{
    /// <summary>Execution rate to date against time progress: (execution rate / time progress × 100), banded red / yellow / green.</summary>
    TimeProgressRatio,

    /// <summary>
    /// A province's fixed checkpoints: executed below the checkpoint's share of the adjusted budget by
    /// its month's end, or a gap of more than the set points between target progress and execution, is
    /// a warning (yellow); otherwise green.
    /// </summary>
    FixedCheckpoints,
}

/// <summary>A fixed budget checkpoint: by the end of <see cref="Month"/>, at least <see cref="Percent"/> % of the adjusted budget executed.</summary>
public sealed record MonitoringCheckpoint(int Month, decimal Percent);

/// <summary>
/// Every number of mid-year monitoring (绩效运行监控, 财预〔2019〕136号). The defaults are the warning
/// settings the finance ministry's performance system ships: budget red below 60, yellow below 80;
/// indicators red below 60, yellow below 80, green below 120, blue from 120; time progress month / 12.
/// </summary>
public sealed record MonitoringSettings
{
    public TimeProgressConvention TimeProgress { get; init; } = TimeProgressConvention.MonthOfYear;

    public BudgetMonitoringRule BudgetRule { get; init; } = BudgetMonitoringRule.TimeProgressRatio;

    /// <summary>Budget ratio (execution rate / time progress × 100) below this: red.</summary>
    public decimal BudgetRedBelow { get; init; } = 60m;

    /// <summary>Budget ratio below this (and not red): yellow; from it: green.</summary>
    public decimal BudgetYellowBelow { get; init; } = 80m;

    /// <summary>Indicator ratio (current / (target × time progress / 100) × 100) below this: red.</summary>
    public decimal IndicatorRedBelow { get; init; } = 60m;

    /// <summary>Indicator ratio below this (and not red): yellow.</summary>
    public decimal IndicatorYellowBelow { get; init; } = 80m;

    /// <summary>Indicator ratio from this: blue (ahead of schedule: check the target); below it, green.</summary>
    public decimal IndicatorBlueFrom { get; init; } = 120m;

    /// <summary>
    /// Some provinces prorate only quantity (数量), effect (效益) and satisfaction (满意度) indicators;
    /// quality, timeliness and cost indicators are then green when already within the target, red otherwise.
    /// </summary>
    public bool ProrateOnlyQuantityEffectSatisfaction { get; init; }

    /// <summary>With <see cref="BudgetMonitoringRule.FixedCheckpoints"/>: the checkpoints, by month.</summary>
    public IReadOnlyList<MonitoringCheckpoint> Checkpoints { get; init; } =
        [new(4, 25m), new(6, 40m), new(8, 60m), new(10, 80m)];

    /// <summary>With <see cref="BudgetMonitoringRule.FixedCheckpoints"/>: a gap of more than this many points between target progress and execution is a warning.</summary>
    public decimal CheckpointGapPoints { get; init; } = 10m;

    public static MonitoringSettings Default { get; } = new();

    /// <summary>Settings are values: two with the same checkpoints are equal, whatever list holds them.</summary>
    public bool Equals(MonitoringSettings? other) =>
        other is not null
        && TimeProgress == other.TimeProgress
        && BudgetRule == other.BudgetRule
        && BudgetRedBelow == other.BudgetRedBelow
        && BudgetYellowBelow == other.BudgetYellowBelow
        && IndicatorRedBelow == other.IndicatorRedBelow
        && IndicatorYellowBelow == other.IndicatorYellowBelow
        && IndicatorBlueFrom == other.IndicatorBlueFrom
        && ProrateOnlyQuantityEffectSatisfaction == other.ProrateOnlyQuantityEffectSatisfaction
        && CheckpointGapPoints == other.CheckpointGapPoints
        && (ReferenceEquals(Checkpoints, other.Checkpoints) || (Checkpoints is not null && other.Checkpoints is not null && Checkpoints.SequenceEqual(other.Checkpoints)));

    public override int GetHashCode() =>
        HashCode.Combine(TimeProgress, BudgetRule, BudgetRedBelow, BudgetYellowBelow, IndicatorRedBelow, IndicatorYellowBelow, IndicatorBlueFrom, Checkpoints?.Count ?? -1);

    /// <summary>What is wrong with these settings; empty when they can be used.</summary>
    public IEnumerable<SchemeProblem> Validate()
    {
        const string prefix = "monitoring.";
        if (!Enum.IsDefined(TimeProgress))
        {
            yield return new(prefix + nameof(TimeProgress), "is not a time-progress convention");
        }
        if (!Enum.IsDefined(BudgetRule))
        {
            yield return new(prefix + nameof(BudgetRule), "is not a budget monitoring rule");
        }
        if (BudgetRedBelow <= 0)
        {
            yield return new(prefix + nameof(BudgetRedBelow), "must be greater than 0");
        }
        if (BudgetYellowBelow < BudgetRedBelow)
        {
            yield return new(prefix + nameof(BudgetYellowBelow), Invariant($"must be at least the red threshold {BudgetRedBelow}"));
        }
        if (IndicatorRedBelow <= 0)
        {
            yield return new(prefix + nameof(IndicatorRedBelow), "must be greater than 0");
        }
        if (IndicatorYellowBelow < IndicatorRedBelow)
        {
            yield return new(prefix + nameof(IndicatorYellowBelow), Invariant($"must be at least the red threshold {IndicatorRedBelow}"));
        }
        if (IndicatorBlueFrom <= IndicatorYellowBelow)
        {
            yield return new(prefix + nameof(IndicatorBlueFrom), Invariant($"must be above the yellow threshold {IndicatorYellowBelow}"));
        }
        if (CheckpointGapPoints < 0)
        {
            yield return new(prefix + nameof(CheckpointGapPoints), "must not be negative");
        }
        if (Checkpoints is null || Checkpoints.Count > 12
            || Checkpoints.Any(c => c is null || c.Month is < 1 or > 12 || c.Percent is < 0 or > 100)
            || Checkpoints.Select(c => c.Month).Distinct().Count() != Checkpoints.Count)
        {
            yield return new(prefix + nameof(Checkpoints), "must be at most 12 checkpoints, one per month (1–12), each 0–100 %");
        }
    }
}
