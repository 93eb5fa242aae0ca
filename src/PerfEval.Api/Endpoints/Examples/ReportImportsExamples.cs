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

/// <summary>The ReportImports endpoints' examples, drawn from the demo data (the three 2024 seed reports).</summary>
internal static class ReportImportsExamples
{
    /// <summary>Why these examples are not compared with live answers: a draft is what its file says, and the demo data hold no upload.</summary>
    public const string NoUpload = "A draft is read from its uploaded file; the demo data hold no upload.";

    public static CorrectReportImport CorrectOperatorRequest => new(new Dictionary<string, System.Text.Json.JsonElement>
    {
        ["indicators[1].operator"] = System.Text.Json.JsonSerializer.SerializeToElement("atLeast"),
    });

    public static ReportImportResponse UploadReportGyyq => new ReportImportResponse(
            Id: 1,
            Status: "draft",
            DepartmentCode: "GXQ-GYYQ",
            FiscalYear: 2024,
            FileName: "工业园区管理办公室2024年度自评报告.txt",
            MediaType: "text/plain",
            FileSize: 24817,
            FileSha256: "1f68b8a0a6e4ab92c3d5e0f4a7b9c1d2e3f405162738495a6b7c8d9e0f1a2b3c",
            ClientName: "demo-writer",
            Version: 1,
            CreatedAt: Demo.At("2025-02-14T09:30:00+00:00"),
            UpdatedAt: Demo.At("2025-02-14T09:30:00+00:00"),
            Draft: Demo.Json(new ReportDraft(
                Source: ReportSourceKind.Text,
                Department: new DraftText(
                    Status: FieldStatus.Read,
                    Value: "乌鲁木齐高新技术产业开发区(乌鲁木齐市新市区)工业园区管理办公室",
                    Readings: [
                        new FieldReading<string>(
                            Value: "乌鲁木齐高新技术产业开发区(乌鲁木齐市新市区)工业园区管理办公室",
                            Evidence: new Evidence(
                                Text: "乌鲁木齐高新技术产业开发区(乌鲁木齐市新市区)工业园区管理办公室",
                                Start: 58,
                                Length: 44)),
                    ]),
                FiscalYear: new DraftField<int>(
                    Status: FieldStatus.Read,
                    Value: 2024,
                    Readings: [
                        new FieldReading<int>(
                            Value: 2024,
                            Evidence: new Evidence(
                                Text: "2024年度",
                                Start: 20,
                                Length: 6)),
                    ]),
                FilingDate: DraftField<DateOnly>.Missing,
                Unit: new DraftUnitFacts(
                    Functions: DraftText.Missing,
                    UnitType: DraftText.Missing,
                    Level: DraftText.Missing,
                    DivisionCount: DraftField<int>.Missing,
                    DivisionKind: DraftText.Missing,
                    DivisionNames: DraftText.Missing,
                    Staffing: new DraftStaffing(DraftField<int>.Missing, DraftField<int>.Missing, DraftField<int>.Missing, DraftField<int>.Missing, DraftField<int>.Missing)),
                Budget: new DraftBudget(
                    Initial: new DraftField<decimal>(
                        Status: FieldStatus.Read,
                        Value: 23733500.00m,
                        Readings: [
                            new FieldReading<decimal>(
                                Value: 23733500.00m,
                                Evidence: new Evidence(
                                    Text: "年初预算数 2373.35 万元",
                                    Start: 1290,
                                    Length: 17)),
                        ]),
                    Adjustments: DraftField<decimal>.Missing,
                    Adjusted: DraftField<decimal>.Missing,
                    Executed: DraftField<decimal>.Missing,
                    InitialBySource: new DraftFundingSources(DraftField<decimal>.Missing, DraftField<decimal>.Missing, DraftField<decimal>.Missing),
                    UseOfFunds: new DraftUseOfFunds(DraftField<decimal>.Missing, DraftField<decimal>.Missing, DraftField<decimal>.Missing),
                    BasicExpenditure: new DraftBasicExpenditure(DraftField<decimal>.Missing, DraftField<decimal>.Missing, DraftField<decimal>.Missing, DraftField<decimal>.Missing),
                    Projects: new DraftProjects(DraftField<int>.Missing, DraftField<int>.Missing, DraftField<int>.Missing, DraftField<decimal>.Missing, DraftField<decimal>.Missing, [])),
                Indicators: [],
                Declared: new DraftDeclaredResults(
                    AdjustmentRate: DraftField<decimal>.Missing,
                    ExecutionRate: DraftField<decimal>.Missing,
                    ExecutionScore: DraftField<decimal>.Missing,
                    CompositeScore: new DraftField<decimal>(
                        Status: FieldStatus.Read,
                        Value: 99.48m,
                        Readings: []),
                    Grade: new DraftField<Grade>(
                        Status: FieldStatus.Read,
                        Value: Grade.Excellent,
                        Readings: [])),
                Narrative: new DraftNarrative([], DraftText.Missing, DraftText.Missing, DraftText.Missing, DraftText.Missing),
                Flags: [],
                Text: "附件 4:\n\n部门单位整体支出绩效 自评报告 (2024年度)…")));

    public static Page<ReportImportSummary> ListReportImportsGyyq => new Page<ReportImportSummary>(
            Items: [
                new ReportImportSummary(
                    Id: 1,
                    Status: "draft",
                    DepartmentCode: "GXQ-GYYQ",
                    FiscalYear: 2024,
                    FileName: "工业园区管理办公室2024年度自评报告.txt",
                    MediaType: "text/plain",
                    FileSize: 24817,
                    FileSha256: "1f68b8a0a6e4ab92c3d5e0f4a7b9c1d2e3f405162738495a6b7c8d9e0f1a2b3c",
                    ClientName: "demo-writer",
                    Version: 1,
                    CreatedAt: Demo.At("2025-02-14T09:30:00+00:00"),
                    UpdatedAt: Demo.At("2025-02-14T09:30:00+00:00")),
            ],
            NextCursor: null);
}
