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

/// <summary>The Evaluations endpoints' examples, drawn from the demo data (the three 2024 seed reports).</summary>
internal static class EvaluationsExamples
{
    public static ScorecardResponse GetScorecardGyyq => new ScorecardResponse(
            DepartmentCode: "GXQ-GYYQ",
            DepartmentName: "乌鲁木齐高新技术产业开发区(乌鲁木齐市新市区)工业园区管理办公室",
            Region: "高新区（新市区）",
            FiscalYear: 2024,
            Scheme: new SchemeReference(
                Id: 1,
                Code: "default",
                SchemeVersion: 1,
                Name: "默认评分方案 (财预〔2020〕10号)"),
            Budget: BudgetsExamples.GetBudgetSummaryGyyq.Total,
            ByExpenditureClass: BudgetsExamples.GetBudgetSummaryGyyq.ByExpenditureClass,
            ByFundingSource: BudgetsExamples.GetBudgetSummaryGyyq.ByFundingSource,
            ExecutionWeight: 10.00m,
            ExecutionScore: 9.48m,
            Indicators: [
                new IndicatorScorecard(
                    Id: 1,
                    Sequence: 1,
                    Name: "重点项目投产数",
                    Kind: IndicatorKind.Quantitative,
                    Weight: 20.00m,
                    Completion: 100.00m,
                    CappedScore: 20.00m,
                    Deduction: null,
                    Score: 20.00m,
                    Flags: [],
                    DeclaredCompletion: new DeclaredCheck(
                        Declared: 100m,
                        Computed: 100.00m,
                        Consistent: true),
                    DeclaredScore: new DeclaredCheck(
                        Declared: 20m,
                        Computed: 20.00m,
                        Consistent: true)),
                new IndicatorScorecard(
                    Id: 2,
                    Sequence: 2,
                    Name: "固定资产投资增长",
                    Kind: IndicatorKind.Quantitative,
                    Weight: 25.00m,
                    Completion: 103.26m,
                    CappedScore: 25.00m,
                    Deduction: null,
                    Score: 25.00m,
                    Flags: [],
                    DeclaredCompletion: new DeclaredCheck(
                        Declared: 103.26m,
                        Computed: 103.26m,
                        Consistent: true),
                    DeclaredScore: new DeclaredCheck(
                        Declared: 25m,
                        Computed: 25.00m,
                        Consistent: true)),
                new IndicatorScorecard(
                    Id: 3,
                    Sequence: 3,
                    Name: "新增高新技术企业",
                    Kind: IndicatorKind.Quantitative,
                    Weight: 20.00m,
                    Completion: 100.00m,
                    CappedScore: 20.00m,
                    Deduction: null,
                    Score: 20.00m,
                    Flags: [],
                    DeclaredCompletion: new DeclaredCheck(
                        Declared: 100m,
                        Computed: 100.00m,
                        Consistent: true),
                    DeclaredScore: new DeclaredCheck(
                        Declared: 20m,
                        Computed: 20.00m,
                        Consistent: true)),
                new IndicatorScorecard(
                    Id: 4,
                    Sequence: 4,
                    Name: "工业园区总产值增长",
                    Kind: IndicatorKind.Quantitative,
                    Weight: 25.00m,
                    Completion: 100.20m,
                    CappedScore: 25.00m,
                    Deduction: null,
                    Score: 25.00m,
                    Flags: ["finalBelowMidYear"],
                    DeclaredCompletion: new DeclaredCheck(
                        Declared: 100.20m,
                        Computed: 100.20m,
                        Consistent: true),
                    DeclaredScore: new DeclaredCheck(
                        Declared: 25m,
                        Computed: 25.00m,
                        Consistent: true)),
            ],
            WeightTotal: 100.00m,
            CompositeScore: 99.48m,
            Grade: Grade.Excellent,
            GradeLabel: "优",
            Declared: new DeclaredComparison(
                InitialBudget: new DeclaredCheck(
                    Declared: 23733500m,
                    Computed: 23733500.00m,
                    Consistent: true),
                Adjustments: new DeclaredCheck(
                    Declared: 14882000m,
                    Computed: 14882000.00m,
                    Consistent: true),
                AdjustedBudget: new DeclaredCheck(
                    Declared: 38615500m,
                    Computed: 38615500.00m,
                    Consistent: true),
                Executed: new DeclaredCheck(
                    Declared: 36615500m,
                    Computed: 36615500.00m,
                    Consistent: true),
                ExpenditureTotal: new DeclaredCheck(
                    Declared: 38615500m,
                    Computed: 36615500.00m,
                    Consistent: false),
                BasicExpenditure: new DeclaredCheck(
                    Declared: 3368000m,
                    Computed: 3368000.00m,
                    Consistent: true),
                ProjectExpenditure: new DeclaredCheck(
                    Declared: 33247500m,
                    Computed: 33247500.00m,
                    Consistent: true),
                InitialSuperior: new DeclaredCheck(
                    Declared: 53500m,
                    Computed: 53500.00m,
                    Consistent: true),
                InitialOwnLevel: new DeclaredCheck(
                    Declared: 23680000m,
                    Computed: 23680000.00m,
                    Consistent: true),
                InitialOther: new DeclaredCheck(
                    Declared: 0m,
                    Computed: 0.00m,
                    Consistent: true),
                AdjustmentRate: new DeclaredCheck(
                    Declared: 62.70m,
                    Computed: 62.70m,
                    Consistent: true),
                ExecutionRate: new DeclaredCheck(
                    Declared: 94.82m,
                    Computed: 94.82m,
                    Consistent: true),
                ExecutionScore: new DeclaredCheck(
                    Declared: 9.48m,
                    Computed: 9.48m,
                    Consistent: true),
                CompositeScore: new DeclaredCheck(
                    Declared: 99.48m,
                    Computed: 99.48m,
                    Consistent: true),
                Grade: new DeclaredGradeCheck(
                    Declared: Grade.Excellent,
                    Computed: Grade.Excellent,
                    Consistent: true)),
            FindingCounts: new FindingCounts(
                Error: 2,
                Warning: 1,
                Info: 0),
            Findings: [
                new FindingResponse(
                    Code: "BUDGET_CLASS_SPLIT",
                    Severity: FindingSeverity.Error,
                    Subject: "budget",
                    Figures: new Dictionary<string, decimal?>
                    {
                        ["basicExpenditure"] = 3368000.00m,
                        ["projectExpenditure"] = 33247500.00m,
                        ["sum"] = 36615500.00m,
                        ["expenditureTotal"] = 38615500.00m,
                    },
                    Message: "申报基本支出 3368000.00 元 + 项目支出 33247500.00 元 = 36615500.00 元，与申报支出总额 38615500.00 元 不一致"),
                new FindingResponse(
                    Code: "DECLARED_EXPENDITURE_TOTAL_MISMATCH",
                    Severity: FindingSeverity.Error,
                    Subject: "budget",
                    Figures: new Dictionary<string, decimal?>
                    {
                        ["declared"] = 38615500.00m,
                        ["computed"] = 36615500.00m,
                    },
                    Message: "申报支出总额 38615500.00 元 与计算值 36615500.00 元 不一致"),
                new FindingResponse(
                    Code: "FINAL_BELOW_MID_YEAR",
                    Severity: FindingSeverity.Warning,
                    Subject: "indicator 4",
                    Figures: new Dictionary<string, decimal?>
                    {
                        ["midYearValue"] = 5.1m,
                        ["finalValue"] = 5.01m,
                    },
                    Message: "指标 4「工业园区总产值增长」本次评价完成值 5.01 低于年中监控完成值 5.1"),
            ],
            Explanations: null,
            Version: 13,
            EvaluationVersion: 1);

    public static SaveEvaluation SaveEvaluationSwjRequest => new SaveEvaluation(
            Declared: new DeclaredFigures(
                InitialBudget: 31425500.00m,
                Adjustments: 0.00m,
                AdjustedBudget: 31425500.00m,
                Executed: 31425500.00m,
                ExpenditureTotal: 31425500.00m,
                BasicExpenditure: 4543900.00m,
                ProjectExpenditure: 26881600.00m,
                InitialSuperior: 1589100.00m,
                InitialOwnLevel: 29836400.00m,
                InitialOther: 0.00m,
                AdjustmentRate: 100m,
                ExecutionRate: 100m,
                ExecutionScore: 10m,
                CompositeScore: 85m,
                Grade: Grade.Good),
            Problems: "1.消费市场活力有待进一步激发,特别是在中高端消费、新兴消费领域的挖掘和培育方面还需加大力度。\n2.外贸发展面临挑战,其中工业企业外贸占比低。",
            Causes: "1、虽然开展了系列促销活动,但消费市场仍存在消费热点不够突出、消费结构有待优化。\n2、外贸体量较小,重大项目少,项目支撑不足。",
            ImprovementMeasures: "1.持续开展消费品以旧换新活动。\n2.锚定产业主攻方向,深入开展精准招商。",
            Suggestions: "1.推动新的招商格局,优化招商政策。",
            FiledOn: new DateOnly(2025, 3, 20))
        {
            DepartmentCode = "",
            FiscalYear = 0,
            CreateOnly = false,
            MustExist = false,
        };

    public static EvaluationResponse SaveEvaluationSwj => new EvaluationResponse(
            DepartmentCode: "GXQ-SWJ",
            FiscalYear: 2024,
            Declared: new DeclaredFigures(
                InitialBudget: 31425500.00m,
                Adjustments: 0.00m,
                AdjustedBudget: 31425500.00m,
                Executed: 31425500.00m,
                ExpenditureTotal: 31425500.00m,
                BasicExpenditure: 4543900.00m,
                ProjectExpenditure: 26881600.00m,
                InitialSuperior: 1589100.00m,
                InitialOwnLevel: 29836400.00m,
                InitialOther: 0.00m,
                AdjustmentRate: 100m,
                ExecutionRate: 100m,
                ExecutionScore: 10m,
                CompositeScore: 85m,
                Grade: Grade.Good),
            Problems: "1.消费市场活力有待进一步激发,特别是在中高端消费、新兴消费领域的挖掘和培育方面还需加大力度。\n2.外贸发展面临挑战,其中工业企业外贸占比低。",
            Causes: "1、虽然开展了系列促销活动,但消费市场仍存在消费热点不够突出、消费结构有待优化。\n2、外贸体量较小,重大项目少,项目支撑不足。",
            ImprovementMeasures: "1.持续开展消费品以旧换新活动。\n2.锚定产业主攻方向,深入开展精准招商。",
            Suggestions: "1.推动新的招商格局,优化招商政策。",
            FiledOn: new DateOnly(2025, 3, 20),
            Version: 2,
            UpdatedAt: Demo.Loaded);

    public static DepartmentEvaluationsResponse ListDepartmentEvaluationsGyyq => new DepartmentEvaluationsResponse(
            Department: DepartmentsExamples.GetDepartmentGyyq,
            Years: [
                new ScorecardRow(
                    DepartmentCode: "GXQ-GYYQ",
                    DepartmentName: "乌鲁木齐高新技术产业开发区(乌鲁木齐市新市区)工业园区管理办公室",
                    Region: "高新区（新市区）",
                    FiscalYear: 2024,
                    CompositeScore: 99.48m,
                    Grade: Grade.Excellent,
                    GradeLabel: "优",
                    ExecutionRate: 94.82m,
                    ExecutionScore: 9.48m,
                    InitialBudget: 23733500.00m,
                    AdjustedBudget: 38615500.00m,
                    Executed: 36615500.00m,
                    FindingCounts: new FindingCounts(
                        Error: 2,
                        Warning: 1,
                        Info: 0)),
            ]);
}
