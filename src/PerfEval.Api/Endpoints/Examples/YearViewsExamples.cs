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

/// <summary>The YearViews endpoints' examples, drawn from the demo data (the three 2024 seed reports).</summary>
internal static class YearViewsExamples
{
    public static RankedPage ListYearScorecardsDemo => new RankedPage(
            Items: [
                new RankedScorecard(
                    Rank: 1,
                    Scorecard: new ScorecardRow(
                        DepartmentCode: "GXQ-CYFWZX",
                        DepartmentName: "乌鲁木齐高新技术产业开发区(乌鲁木齐市新市区)创业服务中心",
                        Region: "高新区（新市区）",
                        FiscalYear: 2024,
                        CompositeScore: 99.80m,
                        Grade: Grade.Excellent,
                        GradeLabel: "优",
                        ExecutionRate: 98.04m,
                        ExecutionScore: 9.80m,
                        InitialBudget: 2523900.00m,
                        AdjustedBudget: 2523900.00m,
                        Executed: 2474400.00m,
                        FindingCounts: new FindingCounts(
                            Error: 0,
                            Warning: 2,
                            Info: 0))),
                new RankedScorecard(
                    Rank: 2,
                    Scorecard: new ScorecardRow(
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
                            Info: 0))),
                new RankedScorecard(
                    Rank: 3,
                    Scorecard: new ScorecardRow(
                        DepartmentCode: "GXQ-SWJ",
                        DepartmentName: "乌鲁木齐高新技术产业开发区(乌鲁木齐市新市区)商务局",
                        Region: "高新区（新市区）",
                        FiscalYear: 2024,
                        CompositeScore: 85.00m,
                        Grade: Grade.Good,
                        GradeLabel: "良",
                        ExecutionRate: 100.00m,
                        ExecutionScore: 10.00m,
                        InitialBudget: 31425500.00m,
                        AdjustedBudget: 31425500.00m,
                        Executed: 31425500.00m,
                        FindingCounts: new FindingCounts(
                            Error: 1,
                            Warning: 2,
                            Info: 0))),
            ],
            NextCursor: null,
            Total: 3);

    public static YearSummaryResponse GetYearSummaryDemo => new YearSummaryResponse(
            Year: 2024,
            Overall: new SummaryFigures(
                DepartmentCount: 3,
                Grades: new GradeDistribution(
                    Excellent: 2,
                    Good: 1,
                    Fair: 0,
                    Poor: 0,
                    NoGrade: 0),
                CompositeScore: new Distribution(
                    Count: 3,
                    Average: 94.76m,
                    Min: 85.00m,
                    Q1: 92.24m,
                    Median: 99.48m,
                    Q3: 99.64m,
                    Max: 99.80m),
                ExecutionRate: new Distribution(
                    Count: 3,
                    Average: 97.62m,
                    Min: 94.82m,
                    Q1: 96.43m,
                    Median: 98.04m,
                    Q3: 99.02m,
                    Max: 100.00m),
                UnitsWithErrors: 2),
            ByRegion: [
                new RegionSummary(
                    Region: "高新区（新市区）",
                    Figures: new SummaryFigures(
                        DepartmentCount: 3,
                        Grades: new GradeDistribution(
                            Excellent: 2,
                            Good: 1,
                            Fair: 0,
                            Poor: 0,
                            NoGrade: 0),
                        CompositeScore: new Distribution(
                            Count: 3,
                            Average: 94.76m,
                            Min: 85.00m,
                            Q1: 92.24m,
                            Median: 99.48m,
                            Q3: 99.64m,
                            Max: 99.80m),
                        ExecutionRate: new Distribution(
                            Count: 3,
                            Average: 97.62m,
                            Min: 94.82m,
                            Q1: 96.43m,
                            Median: 98.04m,
                            Q3: 99.02m,
                            Max: 100.00m),
                        UnitsWithErrors: 2)),
            ]);

    public static Page<YearFinding> ListYearFindingsErrors => new Page<YearFinding>(
            Items: [
                new YearFinding(
                    DepartmentCode: "GXQ-GYYQ",
                    DepartmentName: "乌鲁木齐高新技术产业开发区(乌鲁木齐市新市区)工业园区管理办公室",
                    Region: "高新区（新市区）",
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
            ],
            NextCursor: "R1hRLUdZWVEBMA");
}
