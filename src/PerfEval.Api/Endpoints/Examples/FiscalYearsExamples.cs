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

/// <summary>The FiscalYears endpoints' examples, drawn from the demo data (the three 2024 seed reports).</summary>
internal static class FiscalYearsExamples
{
    public static Page<FiscalYearResponse> ListFiscalYearsDemo => new Page<FiscalYearResponse>(
            Items: [FiscalYearsExamples.GetFiscalYearDemo],
            NextCursor: null);

    public static CreateFiscalYear CreateFiscalYearNextRequest => new CreateFiscalYear(
            Year: 2025,
            Status: FiscalYearStatus.Open);

    public static FiscalYearResponse CreateFiscalYearNext => new FiscalYearResponse()
        {
            Year = 2025,
            Status = FiscalYearStatus.Open,
            ScoringSchemeId = 1,
            ScoringSchemeCode = "default",
            ScoringSchemeVersion = 1,
            Version = 1,
            UpdatedAt = Demo.Loaded,
        };

    public static FiscalYearResponse GetFiscalYearDemo => new FiscalYearResponse()
        {
            Year = 2024,
            Status = FiscalYearStatus.Evaluation,
            ScoringSchemeId = 1,
            ScoringSchemeCode = "default",
            ScoringSchemeVersion = 1,
            Version = 1,
            UpdatedAt = Demo.Loaded,
        };

    public static UpdateFiscalYear UpdateFiscalYearSchemeRequest => new UpdateFiscalYear(
            ScoringSchemeId: 1)
        {
            Year = 0,
        };

    public static FiscalYearResponse UpdateFiscalYearScheme => new FiscalYearResponse()
        {
            Year = 2024,
            Status = FiscalYearStatus.Evaluation,
            ScoringSchemeId = 1,
            ScoringSchemeCode = "default",
            ScoringSchemeVersion = 1,
            Version = 2,
            UpdatedAt = Demo.Loaded,
        };

    public static UpdateFiscalYear UpdateFiscalYearCloseRequest => new UpdateFiscalYear(
            Status: FiscalYearStatus.Closed)
        {
            Year = 0,
        };

    public static FiscalYearResponse UpdateFiscalYearClose => new FiscalYearResponse()
        {
            Year = 2024,
            Status = FiscalYearStatus.Closed,
            ScoringSchemeId = 1,
            ScoringSchemeCode = "default",
            ScoringSchemeVersion = 1,
            Version = 2,
            UpdatedAt = Demo.Loaded,
            ClosedAt = Demo.Loaded,
        };
}
