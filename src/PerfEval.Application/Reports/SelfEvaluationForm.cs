using PerfEval.Application.Budgets;
using PerfEval.Application.Indicators;

namespace PerfEval.Application.Reports;

/// <summary>A row of the 自评表's funds block: amounts in yuan, rate and score as the scorecard computed them.</summary>
internal sealed record FundsRow(string Label, BudgetTotals Totals, decimal? Weight, decimal? Score);

/// <summary>A row of the 自评表's indicator block.</summary>
internal sealed record IndicatorRow(string Category, string Subcategory, string Name, string Target, string Actual, decimal? Weight, decimal? Score, string Deviation);

/// <summary>The 自评表 (self-evaluation form) that both the report's table and the form's sheet lay out.</summary>
internal sealed record SelfEvaluationForm(IReadOnlyList<FundsRow> Funds, IReadOnlyList<IndicatorRow> Indicators, decimal? WeightTotal, decimal? Composite, string Grade)
{
    public static readonly string[] FundsHeaders = ["资金", "年初预算数（万元）", "全年预算数（万元）", "全年执行数（万元）", "分值", "执行率（%）", "得分"];

    public static readonly string[] IndicatorHeaders = ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"];

    public static SelfEvaluationForm From(ReportFacts facts)
    {
        var card = facts.Scorecard;
        FundsRow[] funds =
        [
            new("年度资金总额", card.Budget, card.ExecutionWeight, card.ExecutionScore),
            new("其中：上级资金", card.ByFundingSource.Superior, null, null),
            new("本级资金", card.ByFundingSource.OwnLevel, null, null),
            new("其他资金", card.ByFundingSource.Other, null, null),
        ];
        var indicators = facts.Indicators.Select(i =>
        {
            var scored = facts.ScoreOf(i);
            var qualitative = i.Kind == IndicatorKind.Qualitative;
            return new IndicatorRow(
                ReportFigures.Category(i.Category),
                ReportFigures.Subcategory(i.Subcategory),
                i.Name,
                qualitative && i.Target is null ? "定性" : ReportFigures.Symbol(i.Operator) + ReportFigures.WithUnit(i.Target, i.Unit).Replace(" ", "", StringComparison.Ordinal),
                qualitative ? ReportFigures.Tier(i.QualitativeTier) : ReportFigures.WithUnit(i.FinalValue, i.Unit).Replace(" ", "", StringComparison.Ordinal),
                i.Weight,
                scored?.Score,
                ReportFigures.Deviation(i));
        }).ToList();
        return new SelfEvaluationForm(funds, indicators, card.WeightTotal, card.CompositeScore, ReportFigures.Grade(card.Grade));
    }
}
