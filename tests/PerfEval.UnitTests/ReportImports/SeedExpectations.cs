using PerfEval.Application.Evaluations;
using PerfEval.Application.Indicators;
using PerfEval.Application.ReportImports;

namespace PerfEval.UnitTests.ReportImports;

/// <summary>
/// DOMAIN.md's worked examples as the reader must find them in each seed, in whatever file format:
/// amounts in yuan (万元 × 10,000), rates and scores as declared (001's adjustment rate of 100% too:
/// the reader reports what is printed; scoring raises the finding).
/// </summary>
internal sealed record SeedExpectation(
    string Seed,
    string DepartmentEndsWith,
    decimal Initial,
    decimal Adjustments,
    decimal Adjusted,
    decimal Executed,
    decimal AdjustmentRate,
    decimal ExecutionRate,
    decimal ExecutionScore,
    decimal Composite,
    Grade Grade,
    IndicatorExpectation[] Indicators)
{
    public static IReadOnlyList<SeedExpectation> All { get; } =
    [
        new("seed-000", "工业园区管理办公室", 23_733_500m, 14_882_000m, 38_615_500m, 36_615_500m, 62.70m, 94.82m, 9.48m, 99.48m, Grade.Excellent,
        [
            new("重点项目投产数", ComparisonOperator.AtLeast, 3m, "项", 0m, 3m, 100m, 20m, 20m),
            new("固定资产投资增长", ComparisonOperator.AtLeast, 35000m, "万元", 6322m, 36142m, 103.26m, 25m, 25m),
            new("新增高新技术企业", ComparisonOperator.AtLeast, 5m, "家", 1m, 5m, 100m, 20m, 20m),
            new("工业园区总产值增长", ComparisonOperator.AtLeast, 5m, "%", 5.10m, 5.01m, 100.20m, 25m, 25m),
        ]),
        new("seed-001", "商务局", 31_425_500m, 0m, 31_425_500m, 31_425_500m, 100m, 100m, 10m, 85m, Grade.Good,
        [
            new("开办夜市数量", ComparisonOperator.Equal, 4m, "家", 4m, 4m, 100m, 10m, 10m),
            new("营商环境评价指标良好率", ComparisonOperator.AtLeast, 80m, "%", 95m, 80m, 100m, 20m, 20m),
            new("社会消费品零售总额增长率", ComparisonOperator.AtLeast, 7m, "%", 1.5m, 0m, 0m, 15m, 0m),
            new("引进企业数量", ComparisonOperator.AtLeast, 70m, "家", 20m, 72m, 102.86m, 30m, 30m),
            new("完成区外到位资金", ComparisonOperator.AtLeast, 241m, "亿", 0m, 244.62m, 101.5m, 15m, 15m),
        ]),
        new("seed-002", "创业服务中心", 2_523_900m, 0m, 2_523_900m, 2_474_400m, 0m, 98.04m, 9.8m, 99.8m, Grade.Excellent,
        [
            new("开展各类培训、座谈交流等活动数量", ComparisonOperator.AtLeast, 20m, "场次", 36m, 25m, 125m, 10m, 10m),
            new("引进中介服务机构数量", ComparisonOperator.AtLeast, 8m, "家", 4m, 12m, 150m, 20m, 20m),
            new("全年引进科技创业项目数量", ComparisonOperator.AtLeast, 50m, "项", 20m, 52m, 104m, 30m, 30m),
            new("全年引进留学生创业企业", ComparisonOperator.AtLeast, 10m, "家", 2m, 12m, 120m, 15m, 15m),
            new("开展企业走访次数", ComparisonOperator.AtLeast, 200m, "家", 165m, 221m, 111m, 15m, 15m),
        ]),
    ];

    public static SeedExpectation Of(string seed) => All.Single(e => e.Seed == seed);

    /// <summary>Every figure of the worked example, read (not inferred, not conflicting), and every evidence quoting the text it points to.</summary>
    public void AssertMatches(ReportDraft draft)
    {
        Assert.Equal(2024, Read(draft.FiscalYear));
        Assert.EndsWith(DepartmentEndsWith, draft.Department.Value);
        Assert.Equal(Initial, Read(draft.Budget.Initial));
        Assert.Equal(Adjustments, Read(draft.Budget.Adjustments));
        Assert.Equal(Adjusted, Read(draft.Budget.Adjusted));
        Assert.Equal(Executed, Read(draft.Budget.Executed));
        Assert.Equal(AdjustmentRate, Read(draft.Declared.AdjustmentRate));
        Assert.Equal(ExecutionRate, Read(draft.Declared.ExecutionRate));
        Assert.Equal(ExecutionScore, Read(draft.Declared.ExecutionScore));
        Assert.Equal(Composite, Read(draft.Declared.CompositeScore));
        Assert.Equal(Grade, Read(draft.Declared.Grade));

        Assert.Equal(Indicators.Select(i => i.Name), draft.Indicators.Select(i => i.Name.Value));
        foreach (var (expected, actual) in Indicators.Zip(draft.Indicators))
        {
            Assert.Equal(expected.Operator, Read(actual.Operator));
            Assert.Equal(new Quantity(expected.Target, expected.Unit), Read(actual.Target));
            Assert.Equal(expected.MidYear, Read(actual.MidYear).Number);
            Assert.Equal(expected.Final, Read(actual.Final).Number);
            Assert.Equal(expected.Completion, Read(actual.DeclaredCompletion));
            Assert.Equal(expected.Weight, Read(actual.Weight));
            Assert.Equal(expected.Score, Read(actual.DeclaredScore));
        }

        EvidenceAssert.QuotesItsText(draft);
    }

    private static T Read<T>(DraftField<T> field)
        where T : struct
    {
        Assert.Equal(FieldStatus.Read, field.Status);
        Assert.NotEmpty(field.Readings);
        return field.Value!.Value;
    }
}

internal sealed record IndicatorExpectation(string Name, ComparisonOperator Operator, decimal Target, string Unit, decimal MidYear, decimal Final,
    decimal Completion, decimal Weight, decimal Score);
