using PerfEval.Api.Infrastructure;
using PerfEval.Api.Security;
using MediatR;
using PerfEval.Application.Departments;
using PerfEval.Api.OpenApi;
using PerfEval.Api.Endpoints.Examples;

namespace PerfEval.Api.Endpoints;

internal static class DepartmentEndpoints
{
    public static RouteGroupBuilder MapDepartments(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/departments").WithTags("Departments");

        group.MapGet("/", (IMediator mediator, [AsParameters] ListDepartments query, CancellationToken ct) => mediator.Send(query, ct))
            .WithName("listDepartments")
            .WithSummary("部门列表 List departments")
            .WithDescription("""
                Departments (部门单位) in code order, keyset-paged. Filter by region (所属区域), unit type (单位性质)
                and part of the name. A client limited to some regions or departments sees only those.
                """)
            .WithParameter("region", "Only departments of this region (所属区域), exact match, e.g. `高新区（新市区）`.")
            .WithParameter("unitType", "Only departments of this unit type (单位性质), exact match, e.g. 行政单位, 事业单位.")
            .WithParameter("nameContains", "Only departments whose name contains this text (at most 100 characters), e.g. `商务局`.", maxLength: 100)
            .WithResponseDescription("A page of departments.")
            .WithExample("demo", "The demo data, first page of one", response: DepartmentsExamples.ListDepartmentsDemo)
            .RequireScope(Scopes.Read);

        group.MapPost("/", async (IMediator mediator, CreateDepartment body, CancellationToken ct) =>
            {
                var created = await mediator.Send(body, ct);
                return TypedResults.Created($"/api/v1/departments/{created.Code}", created);
            })
            .WithName("createDepartment")
            .WithSummary("新增部门 Create a department")
            .WithDescription("""
                Creates a department (部门单位) with its code, name and region and, optionally, its parent unit
                (上级单位), unit type (单位性质), level (单位级别), main functions (主要职能), staffing (编制 and
                实有人数) and internal divisions (内设科室). The code is stable: it cannot change later. A
                client limited to some regions may create departments only in them (403 otherwise).
                """)
            .WithResponseDescription("Created: the department as stored; Location names it.")
            .WithExample("subordinate", "A unit under 商务局 (GXQ-SWJ)", request: DepartmentsExamples.CreateDepartmentSubordinateRequest, responseSummary: "Created", response: DepartmentsExamples.CreateDepartmentSubordinate)
            .RequireScope(Scopes.DataWrite);

        group.MapGet("/{code}", (IMediator mediator, string code, CancellationToken ct) => mediator.Send(new GetDepartment(code), ct))
            .WithName("getDepartment")
            .WithSummary("部门详情 Get a department")
            .WithDescription("""
                One department (部门单位) with its staffing (编制) and divisions (科室). The ETag is its row version.
                """)
            .WithResponseDescription("The department.")
            .WithExample("gyyq", "工业园区管理办公室", response: DepartmentsExamples.GetDepartmentGyyq)
            .RequireScope(Scopes.Read);

        group.MapPut("/{code}", (IMediator mediator, Preconditions preconditions, HttpRequest http, string code, UpdateDepartment body, CancellationToken ct) =>
                mediator.Send(body with { Code = code, ExpectedVersion = preconditions.ExpectedVersion(http) }, ct))
            .WithName("updateDepartment")
            .WithSummary("修改部门 Replace a department")
            .WithDescription("""
                Replaces every field of a department but its code (send the whole department, as read).
                Needs the ETag it was read with in If-Match. Its data in closed years is not affected.
                """)
            .WithParameter("code", "Department code (部门单位编码).", example: "GXQ-SWJ")
            .WithResponseDescription("The department as stored, with its new version.")
            .WithExample("swj", "商务局 with its level recorded", request: DepartmentsExamples.UpdateDepartmentSwjRequest, responseSummary: "Updated", response: DepartmentsExamples.UpdateDepartmentSwj)
            .RequireScope(Scopes.DataWrite);

        return api;
    }
}
