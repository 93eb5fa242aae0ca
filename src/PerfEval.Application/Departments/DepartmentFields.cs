using FluentValidation;
using PerfEval.Application.Common;

namespace PerfEval.Application.Departments;

/// <summary>The writable fields of a department, shared by create and update.</summary>
public interface IDepartmentFields
{
    string Name { get; }
    string Region { get; }
    string? ParentCode { get; }
    string? UnitType { get; }
    string? Level { get; }
    string? Functions { get; }
    Staffing? Staffing { get; }
    IReadOnlyList<string>? Divisions { get; }
}

internal static class DepartmentFieldRules
{
    public static void AddDepartmentFieldRules<T>(this AbstractValidator<T> v)
        where T : IDepartmentFields
    {
        v.RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
        v.RuleFor(x => x.Region).NotEmpty().MaximumLength(100);
        v.RuleFor(x => x.ParentCode!).DepartmentCode().When(x => x.ParentCode is not null);
        v.RuleFor(x => x.UnitType).Text(50);
        v.RuleFor(x => x.Level).Text(50);
        v.RuleFor(x => x.Functions).Text(20_000);
        v.RuleFor(x => x.Divisions).Must(d => d is null || d.Count <= 200).WithMessage(_ => Messages.TooManyDivisions.Current);
        v.RuleForEach(x => x.Divisions).NotEmpty().MaximumLength(100);
        v.When(x => x.Staffing is not null, () =>
        {
            v.RuleFor(x => x.Staffing!.Administrative).InclusiveBetween(0, 100_000).OverridePropertyName("staffing.administrative");
            v.RuleFor(x => x.Staffing!.Institutional).InclusiveBetween(0, 100_000).OverridePropertyName("staffing.institutional");
            v.RuleFor(x => x.Staffing!.Logistics).InclusiveBetween(0, 100_000).OverridePropertyName("staffing.logistics");
            v.RuleFor(x => x.Staffing!.Actual).InclusiveBetween(0, 100_000).OverridePropertyName("staffing.actual");
        });
    }

    public static object Parameters(string code, IDepartmentFields f, DateTimeOffset now, int? expectedVersion = null) => new
    {
        Code = code,
        f.Name,
        f.Region,
        f.ParentCode,
        f.UnitType,
        f.Level,
        f.Functions,
        AdministrativeStaff = f.Staffing?.Administrative,
        InstitutionalStaff = f.Staffing?.Institutional,
        LogisticsStaff = f.Staffing?.Logistics,
        ActualHeadcount = f.Staffing?.Actual,
        Divisions = System.Text.Json.JsonSerializer.Serialize(f.Divisions ?? [], JsonText.Options),
        Now = now,
        ExpectedVersion = expectedVersion,
    };

    public static async Task EnsureParentExistsAsync(this DbSession db, string? parentCode, CancellationToken ct)
    {
        if (parentCode is not null
            && await db.ExecuteScalarAsync<int>(GetDepartment.ExistsSql, new { Code = parentCode }, ct) == 0)
        {
            throw new BusinessRuleException("parentCode", Messages.ParentMissing.Format(parentCode));
        }
    }
}
