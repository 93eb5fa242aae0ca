using PerfEval.Application.Adjustments;
using PerfEval.Application.Adjustments.Push;
using PerfEval.Application.Audit;
using PerfEval.Application.Budgets;
using PerfEval.Application.Changes;
using PerfEval.Application.Common;
using PerfEval.Application.Departments;
using PerfEval.Application.Evaluations;
using PerfEval.Application.FiscalYears;
using PerfEval.Application.Indicators;
using PerfEval.Application.Projects;
using PerfEval.Application.ReportImports;
using PerfEval.Application.Scoring;
using PerfEval.Application.ScoringSchemes;
using PerfEval.Application.YearViews;

namespace PerfEval.Api.Endpoints.Examples;

/// <summary>The Indicators endpoints' examples, drawn from the demo data (the three 2024 seed reports).</summary>
internal static class IndicatorsExamples
{
    public static Page<IndicatorResponse> ListIndicatorsGyyq => new Page<IndicatorResponse>(
            Items: [IndicatorsExamples.GetIndicatorQuantitative],
            NextCursor: null);

    public static CreateIndicator CreateIndicatorQuantitativeRequest => new CreateIndicator(
            Name: "固定资产投资增长",
            Category: IndicatorCategory.Effect,
            Subcategory: IndicatorSubcategory.EconomicBenefit,
            Kind: IndicatorKind.Quantitative,
            Operator: ComparisonOperator.AtLeast,
            Target: 35000.0m,
            Unit: "万元",
            Weight: 25.0m,
            MidYearValue: 6322.0m,
            FinalValue: 36142.0m,
            DeviationReason: "企业投资力度加大,超出预期效益",
            ImprovementMeasure: "合理安排制定下年度目标",
            Evidence: "园区办2024年主管项目纳统情况、工业园区管理办公室2024年度工作总结等资料",
            DeclaredCompletion: 103.26m,
            DeclaredScore: 25m)
        {
            DepartmentCode = "",
            FiscalYear = 0,
        };

    /// <summary>The same indicator added after the seed's four, as a new row.</summary>
    public static IndicatorResponse CreateIndicatorQuantitative => GetIndicatorQuantitative with { Id = 15, Sequence = 5 };

    public static IndicatorResponse GetIndicatorQuantitative => new IndicatorResponse()
        {
            Id = 2,
            DepartmentCode = "GXQ-GYYQ",
            FiscalYear = 2024,
            Sequence = 2,
            Name = "固定资产投资增长",
            Category = IndicatorCategory.Effect,
            Subcategory = IndicatorSubcategory.EconomicBenefit,
            Kind = IndicatorKind.Quantitative,
            Operator = ComparisonOperator.AtLeast,
            Target = 35000.0m,
            Unit = "万元",
            Weight = 25.0m,
            MidYearValue = 6322.0m,
            FinalValue = 36142.0m,
            DeviationReason = "企业投资力度加大,超出预期效益",
            ImprovementMeasure = "合理安排制定下年度目标",
            Evidence = "园区办2024年主管项目纳统情况、工业园区管理办公室2024年度工作总结等资料",
            DeclaredCompletion = 103.26m,
            DeclaredScore = 25m,
            Version = 1,
            UpdatedAt = Demo.Loaded,
        };

    public static UpdateIndicator UpdateIndicatorQuantitativeRequest => new UpdateIndicator(
            Name: "固定资产投资增长",
            Category: IndicatorCategory.Effect,
            Subcategory: IndicatorSubcategory.EconomicBenefit,
            Kind: IndicatorKind.Quantitative,
            Sequence: 2,
            Operator: ComparisonOperator.AtLeast,
            Target: 35000.0m,
            Unit: "万元",
            Weight: 25.0m,
            MidYearValue: 6322.0m,
            FinalValue: 36142.0m,
            DeviationReason: "企业投资力度加大,超出预期效益",
            ImprovementMeasure: "合理安排制定下年度目标",
            Evidence: "园区办2024年主管项目纳统情况、工业园区管理办公室2024年度工作总结等资料",
            DeclaredCompletion: 103.26m,
            DeclaredScore: 25m)
        {
            DepartmentCode = "",
            FiscalYear = 0,
            Id = 0,
        };

    public static IndicatorResponse UpdateIndicatorQuantitative => GetIndicatorQuantitative with { Version = 2 };
}
