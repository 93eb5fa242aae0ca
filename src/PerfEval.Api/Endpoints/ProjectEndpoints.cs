using PerfEval.Api.Infrastructure;
using PerfEval.Api.Security;
using MediatR;
using PerfEval.Application.Budgets;
using PerfEval.Application.Common;
using PerfEval.Application.Projects;
using PerfEval.Api.OpenApi;
using PerfEval.Api.Endpoints.Examples;

namespace PerfEval.Api.Endpoints;

internal static class ProjectEndpoints
{
    public static RouteGroupBuilder MapProjects(this RouteGroupBuilder api)
    {
        var department = api.MapGroup("/departments/{code}/projects").WithTags("Projects");

        department.MapGet("/", (IMediator mediator, string code, [AsParameters] ProjectFilter filter, CancellationToken ct) =>
                mediator.Send(new ListProjects(code, filter.Year, QueryEnum.Parse<FundingSource>(filter.FundingSource, "fundingSource"), filter.OnPlatform, filter.Limit ?? Paging.DefaultLimit, filter.Cursor, filter.UpdatedSince), ct))
            .WithName("listProjects")
            .WithSummary("项目列表 List projects")
            .WithDescription("""
                A department's projects (项目) in id order, keyset-paged, filtered by year, funding source and platform flag (线上/线下).
                """)
            .WithParameter("year", "Only projects of this fiscal year, e.g. `2024`.")
            .WithParameter("fundingSource", "Only projects of this funding source, e.g. `ownLevel`.", enumType: typeof(FundingSource))
            .WithParameter("onPlatform", "true: only 线上 projects (managed in the finance performance platform); false: only 线下.")
            .WithResponseDescription("A page of projects.")
            .WithExample("gyyq", "工业园区管理办公室's power project", response: ProjectsExamples.ListProjectsGyyq)
            .RequireScope(Scopes.Read);

        department.MapPost("/", async (IMediator mediator, string code, int year, CreateProject body, CancellationToken ct) =>
            {
                var created = await mediator.Send(body with { DepartmentCode = code, FiscalYear = year }, ct);
                return TypedResults.Created($"/api/v1/projects/{created.Id}", created);
            })
            .WithName("createProject")
            .WithSummary("新增项目 Add a project")
            .WithDescription("""
                Adds a project (项目) to a department in the fiscal year given by `year`: name, funding source,
                on-platform flag (线上/线下), budget and executed amount in yuan. The year must exist (404) and
                not be closed (409).
                """)
            .WithParameter("year", "The fiscal year (年度) of the project.", example: 2024, required: true)
            .WithResponseDescription("Created: the project; Location names it.")
            .WithExample("power", "工业园区管理办公室's power project", request: ProjectsExamples.CreateProjectPowerRequest, responseSummary: "Created", response: ProjectsExamples.CreateProjectPower)
            .RequireScope(Scopes.DataWrite);

        var projects = api.MapGroup("/projects").WithTags("Projects");

        projects.MapGet("/{id:long}", (IMediator mediator, long id, CancellationToken ct) => mediator.Send(new GetProject(id), ct))
            .WithName("getProject")
            .WithSummary("项目详情 Get a project")
            .WithDescription("""
                One project (项目) with its execution rate (执行率 = executed / budget × 100).
                """)
            .WithParameter("id", "Id of the project.", example: 2)
            .WithResponseDescription("The project.")
            .WithExample("power", "220KV 米宫线 power project, 89.47 % executed", response: ProjectsExamples.Power)
            .RequireScope(Scopes.Read);

        projects.MapPut("/{id:long}", (IMediator mediator, Preconditions preconditions, HttpRequest http, long id, UpdateProject body, CancellationToken ct) =>
                mediator.Send(body with { Id = id, ExpectedVersion = preconditions.ExpectedVersion(http) }, ct))
            .WithName("updateProject")
            .WithSummary("修改项目 Replace a project")
            .WithDescription("""
                Replaces a project's name, funding source, platform flag, budget and executed amount; its department and year do not change. Needs If-Match; its year must not be closed.
                """)
            .WithParameter("id", "Id of the project.", example: 2)
            .WithResponseDescription("The project as stored, with its new version.")
            .WithExample("power", "Executed in full", request: ProjectsExamples.UpdateProjectPowerRequest, responseSummary: "Updated", response: ProjectsExamples.UpdateProjectPower)
            .RequireScope(Scopes.DataWrite);

        return api;
    }

    internal sealed record ProjectFilter(int? Year, string? FundingSource, bool? OnPlatform, int? Limit, string? Cursor, DateTimeOffset? UpdatedSince);
}
