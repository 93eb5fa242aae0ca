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

/// <summary>The Projects endpoints' examples, drawn from the demo data (the three 2024 seed reports).</summary>
internal static class ProjectsExamples
{
    public static Page<ProjectResponse> ListProjectsGyyq => new Page<ProjectResponse>(
            Items: [Power],
            NextCursor: "Mg");

    public static CreateProject CreateProjectPowerRequest => new CreateProject(
            Name: "高新区(新市区)220KV米宫线(高科路北侧)电力改造项目",
            FundingSource: FundingSource.OwnLevel,
            OnPlatform: true,
            Budget: 19000000.00m,
            Executed: 17000000.00m)
        {
            DepartmentCode = "",
            FiscalYear = 0,
        };

    /// <summary>The power project added again: the demo data hold 10 projects.</summary>
    public static ProjectResponse CreateProjectPower => Power with { Id = 11 };

    public static ProjectResponse Power => new ProjectResponse()
        {
            Id = 2,
            DepartmentCode = "GXQ-GYYQ",
            FiscalYear = 2024,
            Name = "高新区(新市区)220KV米宫线(高科路北侧)电力改造项目",
            FundingSource = FundingSource.OwnLevel,
            OnPlatform = true,
            Budget = 19000000.00m,
            Executed = 17000000.00m,
            Version = 1,
            UpdatedAt = Demo.Loaded,
        };

    public static UpdateProject UpdateProjectPowerRequest => new UpdateProject(
            Name: "高新区(新市区)220KV米宫线(高科路北侧)电力改造项目",
            FundingSource: FundingSource.OwnLevel,
            OnPlatform: true,
            Budget: 19000000.00m,
            Executed: 19000000.00m)
        {
            Id = 0,
        };

    public static ProjectResponse UpdateProjectPower => new ProjectResponse()
        {
            Id = 2,
            DepartmentCode = "GXQ-GYYQ",
            FiscalYear = 2024,
            Name = "高新区(新市区)220KV米宫线(高科路北侧)电力改造项目",
            FundingSource = FundingSource.OwnLevel,
            OnPlatform = true,
            Budget = 19000000.00m,
            Executed = 19000000.00m,
            Version = 2,
            UpdatedAt = Demo.Loaded,
        };
}
