using FluentValidation;
using MediatR;
using PerfEval.Application.Common;

namespace PerfEval.Application.Departments;

/// <summary>A new budget unit (部门单位).</summary>
/// <param name="Code">Department code (部门单位编码): 1–32 ASCII letters, digits, '-' or '_', starting with a letter or digit. Stable: it cannot change later.</param>
/// <param name="Name">Full name of the unit (单位名称).</param>
/// <param name="Region"><inheritdoc cref="PerfEval.Application.Departments.DepartmentResponse.Region"/></param>
/// <param name="ParentCode"><inheritdoc cref="PerfEval.Application.Departments.DepartmentResponse.ParentCode"/></param>
/// <param name="UnitType"><inheritdoc cref="PerfEval.Application.Departments.DepartmentResponse.UnitType"/></param>
/// <param name="Level"><inheritdoc cref="PerfEval.Application.Departments.DepartmentResponse.Level"/></param>
/// <param name="Functions"><inheritdoc cref="PerfEval.Application.Departments.DepartmentResponse.Functions"/></param>
/// <param name="Staffing">Authorized posts (编制) and actual headcount (实有人数); null on input leaves them unrecorded.</param>
/// <param name="Divisions"><inheritdoc cref="PerfEval.Application.Departments.DepartmentResponse.Divisions"/></param>
public sealed record CreateDepartment(
    string Code,
    string Name,
    string Region,
    string? ParentCode = null,
    string? UnitType = null,
    string? Level = null,
    string? Functions = null,
    Staffing? Staffing = null,
    IReadOnlyList<string>? Divisions = null) : ICommand<DepartmentResponse>, IDepartmentFields, IDepartmentRequest
{
    string IDepartmentRequest.DepartmentCode => Code;

    internal sealed class Validator : AbstractValidator<CreateDepartment>
    {
        public Validator()
        {
            RuleFor(x => x.Code).DepartmentCode();
            this.AddDepartmentFieldRules();
        }
    }

    internal sealed class Handler(DbSession db, TimeProvider clock) : IRequestHandler<CreateDepartment, DepartmentResponse>
    {
        internal const string InsertSql = """
            INSERT INTO departments (code, name, region, parent_code, unit_type, level, functions,
                administrative_staff, institutional_staff, logistics_staff, actual_headcount, divisions, created_at, updated_at)
            VALUES (@Code, @Name, @Region, @ParentCode, @UnitType, @Level, @Functions,
                @AdministrativeStaff, @InstitutionalStaff, @LogisticsStaff, @ActualHeadcount, @Divisions, @Now, @Now)
            """;

        public async Task<DepartmentResponse> Handle(CreateDepartment request, CancellationToken ct)
        {
            if (await db.ExecuteScalarAsync<int>(GetDepartment.ExistsSql, new { request.Code }, ct) > 0)
            {
                throw new ConflictException(Messages.DepartmentExists.Format(request.Code));
            }

            await db.EnsureParentExistsAsync(request.ParentCode, ct);
            await db.ExecuteAsync(InsertSql, DepartmentFieldRules.Parameters(request.Code, request, clock.GetUtcNow()), ct);
            return await GetDepartment.LoadAsync(db, request.Code, ct);
        }
    }
}
