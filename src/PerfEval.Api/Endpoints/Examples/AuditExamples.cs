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

/// <summary>The Audit endpoints' examples, drawn from the demo data (the three 2024 seed reports).</summary>
internal static class AuditExamples
{
    public static Page<AuditEventResponse> ListAuditEventsPush => new Page<AuditEventResponse>(
            Items: [
                new AuditEventResponse()
                {
                    Id = 52,
                    OccurredAt = Demo.Loaded,
                    ClientName = "demo-pusher",
                    RequestId = "0HNQ83OFMG9D3:00000001",
                    Action = "PushBudgetAdjustments",
                    Changes = "{\"adjustments\":1,\"netAmount\":50000.00,\"firstId\":12,\"lastId\":12,\"sourceSystems\":[\"budget-platform\"],\"lines\":[7],\"recordedAt\":\"2025-01-06T09:30:00+00:00\"}",
                },
            ],
            NextCursor: "NTI");
}
