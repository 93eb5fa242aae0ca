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

/// <summary>The BudgetAdjustments endpoints' examples, drawn from the demo data (the three 2024 seed reports).</summary>
internal static class BudgetAdjustmentsExamples
{
    public static PushBudgetAdjustments PushBudgetAdjustmentsByClassRequest => new PushBudgetAdjustments(
            Adjustments: [
                new AdjustmentItem(
                    DepartmentCode: "GXQ-SWJ",
                    FiscalYear: 2024,
                    Amount: 50000.00m,
                    DocumentNumber: "新区财预〔2024〕18号",
                    Reason: "年中追加营商环境评价工作经费",
                    EffectiveDate: new DateOnly(2024, 7, 15),
                    SourceSystem: "budget-platform",
                    SourceItemId: "BP-2024-000123",
                    ExpenditureClass: ExpenditureClass.Operating,
                    FundingSource: FundingSource.OwnLevel),
            ]);

    public static PushedAdjustments PushBudgetAdjustmentsByClass => new PushedAdjustments(
            Adjustments: [
                new BudgetAdjustmentResponse()
                {
                    Id = 3,
                    LineId = 10,
                    DepartmentCode = "GXQ-SWJ",
                    FiscalYear = 2024,
                    Amount = 50000.00m,
                    DocumentNumber = "新区财预〔2024〕18号",
                    Reason = "年中追加营商环境评价工作经费",
                    EffectiveDate = new DateOnly(2024, 7, 15),
                    SourceSystem = "budget-platform",
                    SourceItemId = "BP-2024-000123",
                    ClientName = "demo-pusher",
                    CreatedAt = Demo.Loaded,
                },
            ],
            Lines: [
                new AdjustedLine(
                    LineId: 10,
                    DepartmentCode: "GXQ-SWJ",
                    FiscalYear: 2024,
                    InitialAmount: 164700.00m,
                    AdjustmentTotal: 50000.00m,
                    AdjustedAmount: 214700.00m,
                    ExecutedAmount: 164700.00m),
            ]);

    public static PushBudgetAdjustments PushBudgetAdjustmentsByLineRequest => new PushBudgetAdjustments(
            Adjustments: [
                new AdjustmentItem(
                    DepartmentCode: "GXQ-SWJ",
                    FiscalYear: 2024,
                    Amount: 20000.00m,
                    DocumentNumber: "新区财预〔2024〕25号",
                    Reason: "年中追加人员经费",
                    EffectiveDate: new DateOnly(2024, 9, 1),
                    SourceSystem: "budget-platform",
                    SourceItemId: "BP-2024-000207",
                    LineId: 9),
            ]);

    public static Page<BudgetAdjustmentResponse> ListBudgetAdjustmentsGyyq => new Page<BudgetAdjustmentResponse>(
            Items: [BudgetAdjustmentsExamples.GetBudgetAdjustmentGyyq],
            NextCursor: "MQ");

    public static BudgetAdjustmentResponse GetBudgetAdjustmentGyyq => new BudgetAdjustmentResponse()
        {
            Id = 1,
            LineId = 6,
            DepartmentCode = "GXQ-GYYQ",
            FiscalYear = 2024,
            Amount = 9000000.00m,
            DocumentNumber = "演示-2024-001",
            Reason = "年中调增本级资金，用于清欠支付（报告未列调整明细，演示拆分）",
            EffectiveDate = new DateOnly(2024, 6, 30),
            SourceSystem = "demo",
            SourceItemId = "000-ADJ-1",
            ClientName = "perfeval",
            CreatedAt = Demo.Loaded,
        };
}
