using PerfEval.Application.Budgets;
using PerfEval.Application.Evaluations;
using PerfEval.Application.Indicators;
using PerfEval.Application.Scoring;

namespace PerfEval.UnitTests.Scoring;

/// <summary>
/// The three seed reports (shared/seeds) as scoring input, amounts in yuan (万元 × 10,000). The lines
/// reproduce each report's initial / adjusted / executed amounts, its basic (personnel + operating)
/// and project split and its initial split by funding source; declared figures are as printed.
/// </summary>
internal static class SeedReports
{
    private const ExpenditureClass Personnel = ExpenditureClass.Personnel;
    private const ExpenditureClass Operating = ExpenditureClass.Operating;
    private const ExpenditureClass Project = ExpenditureClass.Project;
    private const FundingSource Superior = FundingSource.Superior;
    private const FundingSource OwnLevel = FundingSource.OwnLevel;

    private static IndicatorInput AtLeast(int sequence, string name, decimal target, decimal midYear, decimal final, decimal weight,
        decimal declaredCompletion, decimal declaredScore, string? reason = null, ComparisonOperator op = ComparisonOperator.AtLeast) =>
        new(sequence, name, IndicatorKind.Quantitative, op, target, weight, midYear, final, null, null, null, null, reason,
            declaredCompletion, declaredScore, null);

    /// <summary>000 工业园区管理办公室, 2024: 2373.35 + 1488.20 = 3861.55, executed 3661.55 万元.</summary>
    public static ScorecardInput IndustrialParkOffice2024 { get; } = new(
        [
            new(Personnel, OwnLevel, 3_186_200m, 0m, 3_186_200m, 1),
            new(Operating, OwnLevel, 181_800m, 0m, 181_800m, 2),
            new(Project, Superior, 53_500m, 0m, 53_500m, 3),
            new(Project, OwnLevel, 20_312_000m, 14_882_000m, 33_194_000m, 4),
        ],
        [
            AtLeast(1, "重点项目投产数", 3m, 0m, 3m, 20m, 100m, 20m),
            AtLeast(2, "固定资产投资增长", 35000m, 6322m, 36142m, 25m, 103.26m, 25m, "企业投资力度加大，超出预期效益"),
            AtLeast(3, "新增高新技术企业", 5m, 1m, 5m, 20m, 100m, 20m),
            AtLeast(4, "工业园区总产值增长", 5m, 5.10m, 5.01m, 25m, 100.20m, 25m, "企业产值增长力度加大，超出预期效益"),
        ],
        new DeclaredFigures(
            InitialBudget: 23_733_500m,
            Adjustments: 14_882_000m,
            AdjustedBudget: 38_615_500m,
            Executed: 36_615_500m,
            ExpenditureTotal: 38_615_500m,
            BasicExpenditure: 3_368_000m,
            ProjectExpenditure: 33_247_500m,
            InitialSuperior: 53_500m,
            InitialOwnLevel: 23_680_000m,
            InitialOther: 0m,
            AdjustmentRate: 62.70m,
            ExecutionRate: 94.82m,
            ExecutionScore: 9.48m,
            CompositeScore: 99.48m,
            Grade: Grade.Excellent),
        DataChangedAfterClose: false);

    /// <summary>001 商务局, 2024: 3142.55 万元, no adjustment, fully executed; declares an adjustment rate of 100%.</summary>
    public static ScorecardInput CommerceBureau2024 { get; } = new(
        [
            new(Personnel, Superior, 209_100m, 0m, 209_100m, 11),
            new(Personnel, OwnLevel, 4_170_100m, 0m, 4_170_100m, 12),
            new(Operating, OwnLevel, 164_700m, 0m, 164_700m, 13),
            new(Project, Superior, 1_380_000m, 0m, 1_380_000m, 14),
            new(Project, OwnLevel, 25_501_600m, 0m, 25_501_600m, 15),
        ],
        [
            AtLeast(1, "开办夜市数量", 4m, 4m, 4m, 10m, 100m, 10m, op: ComparisonOperator.Equal),
            AtLeast(2, "营商环境评价指标良好率", 80m, 95m, 80m, 20m, 100m, 20m, "机构改革，两局合并，指标统计口径不同"),
            AtLeast(3, "社会消费品零售总额增长率", 7m, 1.5m, 0m, 15m, 0m, 0m, "本年度促进消费活动力度不足"),
            AtLeast(4, "引进企业数量", 70m, 20m, 72m, 30m, 102.86m, 30m, "下半年项目加速落地"),
            AtLeast(5, "完成区外到位资金", 241m, 0m, 244.62m, 15m, 101.5m, 15m, "下半年项目资金逐步兑现"),
        ],
        new DeclaredFigures(
            InitialBudget: 31_425_500m,
            Adjustments: 0m,
            AdjustedBudget: 31_425_500m,
            Executed: 31_425_500m,
            ExpenditureTotal: 31_425_500m,
            BasicExpenditure: 4_543_900m,
            ProjectExpenditure: 26_881_600m,
            InitialSuperior: 1_589_100m,
            InitialOwnLevel: 29_836_400m,
            InitialOther: 0m,
            AdjustmentRate: 100m,
            ExecutionRate: 100m,
            ExecutionScore: 10m,
            CompositeScore: 85m,
            Grade: Grade.Good),
        DataChangedAfterClose: false);

    /// <summary>002 创业服务中心, 2024: 252.39 万元, executed 247.44; one indicator at 150%.</summary>
    public static ScorecardInput StartupServiceCenter2024 { get; } = new(
        [
            new(Personnel, OwnLevel, 2_117_200m, 0m, 2_067_700m, 21),
            new(Operating, Superior, 38_100m, 0m, 38_100m, 22),
            new(Operating, OwnLevel, 22_700m, 0m, 22_700m, 23),
            new(Project, OwnLevel, 345_900m, 0m, 345_900m, 24),
        ],
        [
            AtLeast(1, "开展各类培训、座谈交流等活动数量", 20m, 36m, 25m, 10m, 125m, 10m, "因统计口径差异，年中监控完成值高于本次评价完成值"),
            AtLeast(2, "引进中介服务机构数量", 8m, 4m, 12m, 20m, 150m, 20m, "6月颁布了新的《管理办法》"),
            AtLeast(3, "全年引进科技创业项目数量", 50m, 20m, 52m, 30m, 104m, 30m, "积极宣传新的《管理办法》"),
            AtLeast(4, "全年引进留学生创业企业", 10m, 2m, 12m, 15m, 120m, 15m, "激发留学生归国创新创业热情"),
            AtLeast(5, "开展企业走访次数", 200m, 165m, 221m, 15m, 111m, 15m, "园区数量增加"),
        ],
        new DeclaredFigures(
            InitialBudget: 2_523_900m,
            Adjustments: 0m,
            AdjustedBudget: 2_523_900m,
            Executed: 2_474_400m,
            ExpenditureTotal: 2_474_400m,
            BasicExpenditure: 2_128_500m,
            ProjectExpenditure: 345_900m,
            InitialSuperior: 38_100m,
            InitialOwnLevel: 2_485_800m,
            InitialOther: 0m,
            AdjustmentRate: 0m,
            ExecutionRate: 98.04m,
            ExecutionScore: 9.8m,
            CompositeScore: 99.8m,
            Grade: Grade.Excellent),
        DataChangedAfterClose: false);
}
