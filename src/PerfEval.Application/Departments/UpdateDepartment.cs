using FluentValidation;
using MediatR;
using PerfEval.Application.Common;

namespace PerfEval.Application.Departments;

/// <summary>Every field of a budget unit but its code (the route names it).</summary>
/// <param name="Name">Full name of the unit (单位名称).</param>
/// <param name="Region"><inheritdoc cref="PerfEval.Application.Departments.DepartmentResponse.Region"/></param>
/// <param name="ParentCode"><inheritdoc cref="PerfEval.Application.Departments.DepartmentResponse.ParentCode"/></param>
/// <param name="UnitType"><inheritdoc cref="PerfEval.Application.Departments.DepartmentResponse.UnitType"/></param>
/// <param name="Level"><inheritdoc cref="PerfEval.Application.Departments.DepartmentResponse.Level"/></param>
/// <param name="Functions"><inheritdoc cref="PerfEval.Application.Departments.DepartmentResponse.Functions"/></param>
/// <param name="Staffing"><inheritdoc cref="PerfEval.Application.Departments.CreateDepartment.Staffing"/></param>
/// <param name="Divisions"><inheritdoc cref="PerfEval.Application.Departments.DepartmentResponse.Divisions"/></param>
public sealed record UpdateDepartment(
    string Name,
    string Region,
    string? ParentCode = null,
    string? UnitType = null,
    string? Level = null,
    string? Functions = null,
    Staffing? Staffing = null,
    IReadOnlyList<string>? Divisions = null) : ICommand<DepartmentResponse>, IDepartmentFields, IDepartmentRequest, IConditional
{
    string IDepartmentRequest.DepartmentCode => Code;

    /// <summary>From the route, not the JSON.</summary>
    [RouteValue]
    public string Code { get; init; } = "";

    /// <summary>From If-Match: the version the client last read.</summary>
    [RouteValue]
    public int? ExpectedVersion { get; init; }

    internal sealed class Validator : AbstractValidator<UpdateDepartment>
    {
        public Validator()
        {
            this.AddDepartmentFieldRules();
            RuleFor(x => x.ParentCode).NotEqual(x => x.Code).WithMessage(_ => Messages.OwnParent.Current);
        }
    }

    internal sealed class Handler(DbSession db, TimeProvider clock) : IRequestHandler<UpdateDepartment, DepartmentResponse>
    {
        private const string UpdateSql = """
            UPDATE departments SET name = @Name, region = @Region, parent_code = @ParentCode, unit_type = @UnitType,
                level = @Level, functions = @Functions, administrative_staff = @AdministrativeStaff,
                institutional_staff = @InstitutionalStaff, logistics_staff = @LogisticsStaff,
                actual_headcount = @ActualHeadcount, divisions = @Divisions,
                row_version = row_version + 1, updated_at = @Now
            WHERE code = @Code AND (@ExpectedVersion IS NULL OR row_version = @ExpectedVersion)
            """;

        public async Task<DepartmentResponse> Handle(UpdateDepartment request, CancellationToken ct)
        {
            await GetDepartment.LoadAsync(db, request.Code, ct);
            await db.EnsureParentExistsAsync(request.ParentCode, ct);
            request.EnsureApplied(await db.ExecuteAsync(UpdateSql, DepartmentFieldRules.Parameters(request.Code, request, clock.GetUtcNow(), request.ExpectedVersion), ct), "Department", request.Code);

            return await GetDepartment.LoadAsync(db, request.Code, ct);
        }
    }
}
