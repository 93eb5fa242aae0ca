using PerfEval.Api.Infrastructure;
using PerfEval.Api.Security;
using MediatR;
using PerfEval.Application.Budgets;
using PerfEval.Application.Common;
using PerfEval.Application.Projects;

namespace PerfEval.Api.Endpoints;

internal static class ProjectEndpoints
{
    public static RouteGroupBuilder MapProjects(this RouteGroupBuilder api)
    {
        var department = api.MapGroup("/departments/{code}/projects").WithTags("Projects");

        department.MapGet("/", (IMediator mediator, string code, [AsParameters] ProjectFilter filter, CancellationToken ct) =>
                mediator.Send(new ListProjects(code, filter.Year, QueryEnum.Parse<FundingSource>(filter.FundingSource, "fundingSource"), filter.OnPlatform, filter.Limit ?? Paging.DefaultLimit, filter.Cursor, filter.UpdatedSince), ct))
            .WithName("listProjects").WithSummary("List a department's projects (项目)")
            .RequireScope(Scopes.Read);

        department.MapPost("/", async (IMediator mediator, string code, int year, CreateProject body, CancellationToken ct) =>
            {
                var created = await mediator.Send(body with { DepartmentCode = code, FiscalYear = year }, ct);
                return TypedResults.Created($"/api/v1/projects/{created.Id}", created);
            })
            .WithName("createProject").WithSummary("Add a project")
            .RequireScope(Scopes.DataWrite);

        var projects = api.MapGroup("/projects").WithTags("Projects");

        projects.MapGet("/{id:long}", (IMediator mediator, long id, CancellationToken ct) => mediator.Send(new GetProject(id), ct))
            .WithName("getProject").WithSummary("Get a project")
            .RequireScope(Scopes.Read);

        projects.MapPut("/{id:long}", (IMediator mediator, Preconditions preconditions, HttpRequest http, long id, UpdateProject body, CancellationToken ct) =>
                mediator.Send(body with { Id = id, ExpectedVersion = preconditions.ExpectedVersion(http) }, ct))
            .WithName("updateProject").WithSummary("Replace a project's fields")
            .RequireScope(Scopes.DataWrite);

        return api;
    }

    internal sealed record ProjectFilter(int? Year, string? FundingSource, bool? OnPlatform, int? Limit, string? Cursor, DateTimeOffset? UpdatedSince);
}
