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

/// <summary>The Budgets endpoints' examples, drawn from the demo data (the three 2024 seed reports).</summary>
internal static class BudgetsExamples
{
    public static BudgetSummaryResponse GetBudgetSummaryGyyq => new BudgetSummaryResponse(
            DepartmentCode: "GXQ-GYYQ",
            FiscalYear: 2024,
            LineCount: 7,
            Total: new BudgetTotals(
                Initial: 23733500.00m,
                Adjustments: 14882000.00m,
                Adjusted: 38615500.00m,
                Executed: 36615500.00m,
                AdjustmentRate: 62.70m,
                ExecutionRate: 94.82m),
            ByExpenditureClass: new ExpenditureClassTotals(
                Personnel: new BudgetTotals(
                    Initial: 3186200.00m,
                    Adjustments: 0.00m,
                    Adjusted: 3186200.00m,
                    Executed: 3186200.00m,
                    AdjustmentRate: 0.00m,
                    ExecutionRate: 100.00m),
                Operating: new BudgetTotals(
                    Initial: 181800.00m,
                    Adjustments: 0.00m,
                    Adjusted: 181800.00m,
                    Executed: 181800.00m,
                    AdjustmentRate: 0.00m,
                    ExecutionRate: 100.00m),
                Basic: new BudgetTotals(
                    Initial: 3368000.00m,
                    Adjustments: 0.00m,
                    Adjusted: 3368000.00m,
                    Executed: 3368000.00m,
                    AdjustmentRate: 0.00m,
                    ExecutionRate: 100.00m),
                Project: new BudgetTotals(
                    Initial: 20365500.00m,
                    Adjustments: 14882000.00m,
                    Adjusted: 35247500.00m,
                    Executed: 33247500.00m,
                    AdjustmentRate: 73.07m,
                    ExecutionRate: 94.33m)),
            ByFundingSource: new FundingSourceTotals(
                Superior: new BudgetTotals(
                    Initial: 53500.00m,
                    Adjustments: 0.00m,
                    Adjusted: 53500.00m,
                    Executed: 53500.00m,
                    AdjustmentRate: 0.00m,
                    ExecutionRate: 100.00m),
                OwnLevel: new BudgetTotals(
                    Initial: 23680000.00m,
                    Adjustments: 14882000.00m,
                    Adjusted: 38562000.00m,
                    Executed: 36562000.00m,
                    AdjustmentRate: 62.85m,
                    ExecutionRate: 94.81m),
                Other: new BudgetTotals(
                    Initial: 0.00m,
                    Adjustments: 0.00m,
                    Adjusted: 0.00m,
                    Executed: 0.00m,
                    AdjustmentRate: null,
                    ExecutionRate: null)));

    public static Page<BudgetLineResponse> ListBudgetLinesGyyq => new Page<BudgetLineResponse>(
            Items: [BudgetsExamples.GetBudgetLineGyyq],
            NextCursor: "MQ");

    public static CreateBudgetLine CreateBudgetLineOtherRequest => new CreateBudgetLine(
            ExpenditureClass: ExpenditureClass.Operating,
            FundingSource: FundingSource.Other,
            InitialAmount: 12000.00m,
            ExecutedAmount: 11800.00m)
        {
            DepartmentCode = "",
            FiscalYear = 0,
        };

    public static BudgetLineResponse CreateBudgetLineOther => new BudgetLineResponse()
        {
            Id = 20,
            DepartmentCode = "GXQ-GYYQ",
            FiscalYear = 2024,
            ExpenditureClass = ExpenditureClass.Operating,
            FundingSource = FundingSource.Other,
            InitialAmount = 12000.00m,
            AdjustmentTotal = 0.00m,
            ExecutedAmount = 11800.00m,
            Version = 1,
            UpdatedAt = Demo.Loaded,
        };

    public static BudgetLineResponse GetBudgetLineGyyq => new BudgetLineResponse()
        {
            Id = 1,
            DepartmentCode = "GXQ-GYYQ",
            FiscalYear = 2024,
            ExpenditureClass = ExpenditureClass.Personnel,
            FundingSource = FundingSource.Superior,
            InitialAmount = 53500.00m,
            AdjustmentTotal = 0.00m,
            ExecutedAmount = 53500.00m,
            Version = 1,
            UpdatedAt = Demo.Loaded,
        };

    public static UpdateBudgetLine UpdateBudgetLineExecutedRequest => new UpdateBudgetLine(
            ExpenditureClass: ExpenditureClass.Personnel,
            FundingSource: FundingSource.Superior,
            InitialAmount: 53500.00m,
            ExecutedAmount: 53000.00m)
        {
            DepartmentCode = "",
            FiscalYear = 0,
            Id = 0,
        };

    public static BudgetLineResponse UpdateBudgetLineExecuted => new BudgetLineResponse()
        {
            Id = 1,
            DepartmentCode = "GXQ-GYYQ",
            FiscalYear = 2024,
            ExpenditureClass = ExpenditureClass.Personnel,
            FundingSource = FundingSource.Superior,
            InitialAmount = 53500.00m,
            AdjustmentTotal = 0.00m,
            ExecutedAmount = 53000.00m,
            Version = 2,
            UpdatedAt = Demo.Loaded,
        };
}
