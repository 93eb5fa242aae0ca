using PerfEval.Api.Infrastructure;
using PerfEval.Api.Security;
using MediatR;
using PerfEval.Application.Departments;

namespace PerfEval.Api.Endpoints;

internal static class DepartmentEndpoints
{
    public static RouteGroupBuilder MapDepartments(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/departments").WithTags("Departments");

        group.MapGet("/", (IMediator mediator, [AsParameters] ListDepartments query, CancellationToken ct) => mediator.Send(query, ct))
            .WithName("listDepartments").WithSummary("List departments (部门单位)")
            .RequireScope(Scopes.Read);

        group.MapPost("/", async (IMediator mediator, CreateDepartment body, CancellationToken ct) =>
            {
                var created = await mediator.Send(body, ct);
                return TypedResults.Created($"/api/v1/departments/{created.Code}", created);
            })
            .WithName("createDepartment").WithSummary("Create a department")
            .RequireScope(Scopes.DataWrite);

        group.MapGet("/{code}", (IMediator mediator, string code, CancellationToken ct) => mediator.Send(new GetDepartment(code), ct))
            .WithName("getDepartment").WithSummary("Get a department")
            .RequireScope(Scopes.Read);

        group.MapPut("/{code}", (IMediator mediator, Preconditions preconditions, HttpRequest http, string code, UpdateDepartment body, CancellationToken ct) =>
                mediator.Send(body with { Code = code, ExpectedVersion = preconditions.ExpectedVersion(http) }, ct))
            .WithName("updateDepartment").WithSummary("Replace a department's fields")
            .RequireScope(Scopes.DataWrite);

        return api;
    }
}
