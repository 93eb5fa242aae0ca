using static System.FormattableString;

namespace PerfEval.Application.Scoring;

/// <summary>
/// Every number the scoring rules use. A fiscal year points to one scheme (stored as JSON), so the
/// settings are plain values; <see cref="Default"/> is the scheme of 财预〔2020〕10号 as DOMAIN.md
/// describes it.
/// </summary>
public sealed record ScoringSchemeSettings
{
    /// <summary>Points for budget execution (预算执行率 score).</summary>
    public decimal ExecutionWeight { get; init; } = 10m;

    /// <summary>What the execution weight plus all indicator weights should total.</summary>
    public decimal ExpectedWeightTotal { get; init; } = 100m;

    /// <summary>Completion % at or above which a deviation reason is needed.</summary>
    public decimal OverAchievementReasonThreshold { get; init; } = 120m;

    /// <summary>Completion % at or above which the target was likely set too low.</summary>
    public decimal TargetTooLowThreshold { get; init; } = 150m;

    /// <summary>Completion % below which a deviation reason is needed.</summary>
    public decimal UnderAchievementReasonThreshold { get; init; } = 100m;

    /// <summary>A qualitative score is 达成 from this share of the weight up to the weight.</summary>
    public decimal QualitativeAchievedFrom { get; init; } = 0.8m;

    /// <summary>A qualitative score is 部分达成 from this share of the weight up to the achieved band.</summary>
    public decimal QualitativePartiallyAchievedFrom { get; init; } = 0.6m;

    /// <summary>优 from this composite score.</summary>
    public decimal ExcellentFrom { get; init; } = 90m;

    /// <summary>良 from this composite score.</summary>
    public decimal GoodFrom { get; init; } = 80m;

    /// <summary>中 from this composite score; below it 差.</summary>
    public decimal FairFrom { get; init; } = 60m;

    /// <summary>Decimals rates and scores are shown (and scores are kept) with.</summary>
    public int DisplayDecimals { get; init; } = 2;

    /// <summary>四舍五入 by default.</summary>
    public MidpointRounding RoundingMode { get; init; } = MidpointRounding.AwayFromZero;

    /// <summary>Mid-year monitoring (绩效运行监控): time progress and the lights' thresholds.</summary>
    public MonitoringSettings Monitoring { get; init; } = MonitoringSettings.Default;

    public static ScoringSchemeSettings Default { get; } = new();

    /// <summary>What is wrong with this scheme; empty when it can be used.</summary>
    public IReadOnlyList<SchemeProblem> Validate()
    {
        var problems = new List<SchemeProblem>();
        void Problem(string setting, string message) => problems.Add(new SchemeProblem(setting, message));

        if (DisplayDecimals is < 0 or > 10)
        {
            Problem(nameof(DisplayDecimals), "must be between 0 and 10");
        }
        if (!Enum.IsDefined(RoundingMode))
        {
            Problem(nameof(RoundingMode), $"{(int)RoundingMode} is not a rounding mode");
        }
        if (ExpectedWeightTotal <= 0)
        {
            Problem(nameof(ExpectedWeightTotal), "must be greater than 0");
        }
        if (ExecutionWeight < 0)
        {
            Problem(nameof(ExecutionWeight), "must not be negative");
        }
        else if (ExecutionWeight > ExpectedWeightTotal)
        {
            Problem(nameof(ExecutionWeight), Invariant($"must not exceed the expected weight total {ExpectedWeightTotal}"));
        }
        if (DisplayDecimals is >= 0 and <= 10 && decimal.Round(ExecutionWeight, DisplayDecimals) != ExecutionWeight)
        {
            Problem(nameof(ExecutionWeight), Invariant($"must not have more than {DisplayDecimals} decimals"));
        }
        if (UnderAchievementReasonThreshold <= 0)
        {
            Problem(nameof(UnderAchievementReasonThreshold), "must be greater than 0");
        }
        if (UnderAchievementReasonThreshold > 100)
        {
            Problem(nameof(UnderAchievementReasonThreshold), "must not exceed 100 (full completion)");
        }
        if (OverAchievementReasonThreshold < 100)
        {
            Problem(nameof(OverAchievementReasonThreshold), "must be at least 100 (full completion)");
        }
        if (TargetTooLowThreshold < OverAchievementReasonThreshold)
        {
            Problem(nameof(TargetTooLowThreshold), Invariant($"must be at least the over-achievement threshold {OverAchievementReasonThreshold}"));
        }
        if (QualitativePartiallyAchievedFrom <= 0)
        {
            Problem(nameof(QualitativePartiallyAchievedFrom), "must be greater than 0");
        }
        if (QualitativeAchievedFrom > 1)
        {
            Problem(nameof(QualitativeAchievedFrom), "must not exceed 1 (the whole weight)");
        }
        if (QualitativePartiallyAchievedFrom >= QualitativeAchievedFrom)
        {
            Problem(nameof(QualitativePartiallyAchievedFrom), Invariant($"must be below the achieved band {QualitativeAchievedFrom}"));
        }
        if (FairFrom <= 0)
        {
            Problem(nameof(FairFrom), "must be greater than 0");
        }
        if (GoodFrom <= FairFrom)
        {
            Problem(nameof(GoodFrom), Invariant($"must be above the fair band {FairFrom}"));
        }
        if (ExcellentFrom <= GoodFrom)
        {
            Problem(nameof(ExcellentFrom), Invariant($"must be above the good band {GoodFrom}"));
        }
        if (ExcellentFrom > ExpectedWeightTotal)
        {
            Problem(nameof(ExcellentFrom), Invariant($"must not exceed the expected weight total {ExpectedWeightTotal}"));
        }
        if (Monitoring is null)
        {
            Problem(nameof(Monitoring), "must be given (omit it for the default monitoring settings)");
        }
        else
        {
            problems.AddRange(Monitoring.Validate());
        }
        return problems;
    }
}

/// <summary>One reason a scoring scheme cannot be used.</summary>
public sealed record SchemeProblem(string Setting, string Message);
