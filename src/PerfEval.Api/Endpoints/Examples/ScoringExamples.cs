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

/// <summary>The Scoring endpoints' examples, drawn from the demo data (the three 2024 seed reports).</summary>
internal static class ScoringExamples
{
    public static PreviewScorecard PreviewScorecardCyfwzxRequest => new PreviewScorecard(
            Lines: [
                new PreviewLine(
                    ExpenditureClass: ExpenditureClass.Personnel,
                    FundingSource: FundingSource.OwnLevel,
                    InitialAmount: 2117200.0m,
                    ExecutedAmount: 2067700.0m),
                new PreviewLine(
                    ExpenditureClass: ExpenditureClass.Operating,
                    FundingSource: FundingSource.OwnLevel,
                    InitialAmount: 60800.0m,
                    ExecutedAmount: 60800.0m),
                new PreviewLine(
                    ExpenditureClass: ExpenditureClass.Project,
                    FundingSource: FundingSource.OwnLevel,
                    InitialAmount: 345900.0m,
                    ExecutedAmount: 345900.0m),
            ],
            Indicators: [
                new PreviewIndicator(
                    Name: "引进中介服务机构数量",
                    Kind: IndicatorKind.Quantitative,
                    Weight: 40m,
                    Sequence: 1,
                    Operator: ComparisonOperator.AtLeast,
                    Target: 8m,
                    MidYearValue: 4m,
                    FinalValue: 12m,
                    DeviationReason: "由于6月颁布了新的《管理办法》,更多专业服务机构申请入驻园区",
                    DeclaredCompletion: 150m,
                    DeclaredScore: 40m),
                new PreviewIndicator(
                    Name: "服务对象满意度",
                    Kind: IndicatorKind.Qualitative,
                    Weight: 50m,
                    Sequence: 2,
                    QualitativeTier: QualitativeTier.Achieved,
                    QualitativeScore: 46m,
                    DeclaredScore: 46m),
            ])
        {
            Explain = false,
            Language = MessageLanguage.Chinese,
        };

    public static ScorecardResponse PreviewScorecardCyfwzx => new ScorecardResponse(
            DepartmentCode: null,
            DepartmentName: null,
            Region: null,
            FiscalYear: null,
            Scheme: new SchemeReference(
                Id: 1,
                Code: "default",
                SchemeVersion: 1,
                Name: "默认评分方案 (财预〔2020〕10号)"),
            Budget: new BudgetTotals(
                Initial: 2523900.00m,
                Adjustments: 0.00m,
                Adjusted: 2523900.00m,
                Executed: 2474400.00m,
                AdjustmentRate: 0.00m,
                ExecutionRate: 98.04m),
            ByExpenditureClass: new ExpenditureClassTotals(
                Personnel: new BudgetTotals(
                    Initial: 2117200.00m,
                    Adjustments: 0.00m,
                    Adjusted: 2117200.00m,
                    Executed: 2067700.00m,
                    AdjustmentRate: 0.00m,
                    ExecutionRate: 97.66m),
                Operating: new BudgetTotals(
                    Initial: 60800.00m,
                    Adjustments: 0.00m,
                    Adjusted: 60800.00m,
                    Executed: 60800.00m,
                    AdjustmentRate: 0.00m,
                    ExecutionRate: 100.00m),
                Basic: new BudgetTotals(
                    Initial: 2178000.00m,
                    Adjustments: 0.00m,
                    Adjusted: 2178000.00m,
                    Executed: 2128500.00m,
                    AdjustmentRate: 0.00m,
                    ExecutionRate: 97.73m),
                Project: new BudgetTotals(
                    Initial: 345900.00m,
                    Adjustments: 0.00m,
                    Adjusted: 345900.00m,
                    Executed: 345900.00m,
                    AdjustmentRate: 0.00m,
                    ExecutionRate: 100.00m)),
            ByFundingSource: new FundingSourceTotals(
                Superior: new BudgetTotals(
                    Initial: 0.00m,
                    Adjustments: 0.00m,
                    Adjusted: 0.00m,
                    Executed: 0.00m,
                    AdjustmentRate: null,
                    ExecutionRate: null),
                OwnLevel: new BudgetTotals(
                    Initial: 2523900.00m,
                    Adjustments: 0.00m,
                    Adjusted: 2523900.00m,
                    Executed: 2474400.00m,
                    AdjustmentRate: 0.00m,
                    ExecutionRate: 98.04m),
                Other: new BudgetTotals(
                    Initial: 0.00m,
                    Adjustments: 0.00m,
                    Adjusted: 0.00m,
                    Executed: 0.00m,
                    AdjustmentRate: null,
                    ExecutionRate: null)),
            ExecutionWeight: 10.00m,
            ExecutionScore: 9.80m,
            Indicators: [
                new IndicatorScorecard(
                    Id: null,
                    Sequence: 1,
                    Name: "引进中介服务机构数量",
                    Kind: IndicatorKind.Quantitative,
                    Weight: 40.00m,
                    Completion: 150.00m,
                    CappedScore: 40.00m,
                    Deduction: null,
                    Score: 40.00m,
                    Flags: ["overAchieved", "targetLikelyTooLow"],
                    DeclaredCompletion: new DeclaredCheck(
                        Declared: 150m,
                        Computed: 150.00m,
                        Consistent: true),
                    DeclaredScore: new DeclaredCheck(
                        Declared: 40m,
                        Computed: 40.00m,
                        Consistent: true)),
                new IndicatorScorecard(
                    Id: null,
                    Sequence: 2,
                    Name: "服务对象满意度",
                    Kind: IndicatorKind.Qualitative,
                    Weight: 50.00m,
                    Completion: 92.00m,
                    CappedScore: 46.00m,
                    Deduction: null,
                    Score: 46.00m,
                    Flags: ["underAchieved", "reasonMissing"],
                    DeclaredCompletion: null,
                    DeclaredScore: new DeclaredCheck(
                        Declared: 46m,
                        Computed: 46.00m,
                        Consistent: true)),
            ],
            WeightTotal: 100.00m,
            CompositeScore: 95.80m,
            Grade: Grade.Excellent,
            GradeLabel: "优",
            Declared: new DeclaredComparison(
                InitialBudget: null,
                Adjustments: null,
                AdjustedBudget: null,
                Executed: null,
                ExpenditureTotal: null,
                BasicExpenditure: null,
                ProjectExpenditure: null,
                InitialSuperior: null,
                InitialOwnLevel: null,
                InitialOther: null,
                AdjustmentRate: null,
                ExecutionRate: null,
                ExecutionScore: null,
                CompositeScore: null,
                Grade: null),
            FindingCounts: new FindingCounts(
                Error: 0,
                Warning: 2,
                Info: 0),
            Findings: [
                new FindingResponse(
                    Code: "TARGET_LIKELY_TOO_LOW",
                    Severity: FindingSeverity.Warning,
                    Subject: "indicator 1",
                    Figures: new Dictionary<string, decimal?>
                    {
                        ["completion"] = 150.00m,
                        ["threshold"] = 150m,
                        ["target"] = 8m,
                        ["finalValue"] = 12m,
                    },
                    Message: "指标 1「引进中介服务机构数量」完成率 150.00% 达到 150% 以上，指标值 8 可能设置偏低；如确属偏低，由复核人员按偏差扣分并注明原因"),
                new FindingResponse(
                    Code: "UNDER_ACHIEVEMENT_NO_REASON",
                    Severity: FindingSeverity.Warning,
                    Subject: "indicator 2",
                    Figures: new Dictionary<string, decimal?>
                    {
                        ["completion"] = 92.00m,
                        ["threshold"] = 100m,
                    },
                    Message: "指标 2「服务对象满意度」完成率 92.00% 低于 100%，未填写偏差原因"),
            ],
            Explanations: null);

    public static Page<ScoringSchemeResponse> ListScoringSchemesDefault => new Page<ScoringSchemeResponse>(
            Items: [ScoringExamples.GetScoringSchemeDefault],
            NextCursor: null);

    public static CreateScoringScheme CreateScoringSchemeProvinceRequest => new CreateScoringScheme(
            Code: "xj-2025",
            Name: "自治区部门整体支出评价方案 (2025)",
            Settings: new ScoringSchemeSettings()
            {
                ExecutionWeight = 20m,
                ExpectedWeightTotal = 100m,
                OverAchievementReasonThreshold = 120m,
                TargetTooLowThreshold = 150m,
                UnderAchievementReasonThreshold = 100m,
                QualitativeAchievedFrom = 0.8m,
                QualitativePartiallyAchievedFrom = 0.6m,
                ExcellentFrom = 90m,
                GoodFrom = 80m,
                FairFrom = 60m,
                DisplayDecimals = 2,
                RoundingMode = MidpointRounding.AwayFromZero,
            },
            Description: "Execution weight 20, indicators 80.");

    public static ScoringSchemeResponse CreateScoringSchemeProvince => new ScoringSchemeResponse(
            Id: 2,
            Code: "xj-2025",
            SchemeVersion: 1,
            Name: "自治区部门整体支出评价方案 (2025)",
            Description: "Execution weight 20, indicators 80.",
            Settings: new ScoringSchemeSettings()
            {
                ExecutionWeight = 20m,
                ExpectedWeightTotal = 100m,
                OverAchievementReasonThreshold = 120m,
                TargetTooLowThreshold = 150m,
                UnderAchievementReasonThreshold = 100m,
                QualitativeAchievedFrom = 0.8m,
                QualitativePartiallyAchievedFrom = 0.6m,
                ExcellentFrom = 90m,
                GoodFrom = 80m,
                FairFrom = 60m,
                DisplayDecimals = 2,
                RoundingMode = MidpointRounding.AwayFromZero,
            },
            UsedByYears: [],
            Locked: false,
            Version: 1,
            UpdatedAt: Demo.Loaded);

    public static ScoringSchemeResponse GetScoringSchemeDefault => new ScoringSchemeResponse(
            Id: 1,
            Code: "default",
            SchemeVersion: 1,
            Name: "默认评分方案 (财预〔2020〕10号)",
            Description: "Default whole-department scheme: execution weight 10, indicators 90, grade bands 90/80/60.",
            Settings: ScoringSchemeSettings.Default,
            UsedByYears: [2024],
            Locked: false,
            Version: 1,
            UpdatedAt: Demo.At("2024-01-01T00:00:00+00:00"));

    public static UpdateScoringScheme UpdateScoringSchemeDefaultRequest => new UpdateScoringScheme(
            Name: "默认评分方案 (财预〔2020〕10号)",
            Settings: ScoringSchemeSettings.Default,
            Description: "Default whole-department scheme: execution weight 10, indicators 90, grade bands 90/80/60.")
        {
            Id = 0,
        };

    public static ScoringSchemeResponse UpdateScoringSchemeDefault => new ScoringSchemeResponse(
            Id: 1,
            Code: "default",
            SchemeVersion: 1,
            Name: "默认评分方案 (财预〔2020〕10号)",
            Description: "Default whole-department scheme: execution weight 10, indicators 90, grade bands 90/80/60.",
            Settings: ScoringSchemeSettings.Default,
            UsedByYears: [2024],
            Locked: false,
            Version: 2,
            UpdatedAt: Demo.At("2024-01-01T00:00:00+00:00"));
}
