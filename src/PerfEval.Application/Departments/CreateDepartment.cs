using FluentValidation;
using MediatR;
using PerfEval.Application.Common;

namespace PerfEval.Application.Departments;

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
