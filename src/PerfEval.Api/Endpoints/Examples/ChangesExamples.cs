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

/// <summary>The Changes endpoints' examples, drawn from the demo data (the three 2024 seed reports).</summary>
internal static class ChangesExamples
{
    public static ChangePage ListChangesStart => new ChangePage(
            Items: [
                new ChangeResponse()
                {
                    Position = 1,
                    EntityType = "fiscalYear",
                    EntityKey = "2024",
                    Version = 1,
                    Operation = ChangeOperation.Created,
                    ChangedAt = Demo.Loaded,
                },
                new ChangeResponse()
                {
                    Position = 2,
                    EntityType = "department",
                    EntityKey = "GXQ-GYYQ",
                    DepartmentCode = "GXQ-GYYQ",
                    Version = 1,
                    Operation = ChangeOperation.Created,
                    ChangedAt = Demo.Loaded,
                },
            ],
            NextCursor: "Mg",
            HasMore: false);
}
