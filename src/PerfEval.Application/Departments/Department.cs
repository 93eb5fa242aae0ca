using System.Text.Json;

using PerfEval.Application.Common;

namespace PerfEval.Application.Departments;

/// <summary>编制 authorized posts by kind, and 实有人数 the actual headcount.</summary>
/// <param name="Administrative">行政编制: administrative posts; null when not recorded.</param>
/// <param name="Institutional">事业编制: institutional posts; null when not recorded.</param>
/// <param name="Logistics">工勤编制: logistics posts; null when not recorded.</param>
/// <param name="Actual">实有人数: actual headcount; null when not recorded.</param>
public sealed record Staffing(int? Administrative = null, int? Institutional = null, int? Logistics = null, int? Actual = null);

/// <summary>A budget unit (部门单位).</summary>
/// <param name="Code">Department code (部门单位编码), stable: it never changes.</param>
/// <param name="Name">Full name of the unit (单位名称).</param>
/// <param name="Region">Region (所属区域) the department belongs to, e.g. 高新区（新市区）.</param>
/// <param name="ParentCode">Code of the parent unit (上级单位), or null.</param>
/// <param name="UnitType">Unit type (单位性质), e.g. 行政单位, 事业单位, 公益一类事业单位, 政府工作部门; null when not recorded.</param>
/// <param name="Level">Administrative level (单位级别), e.g. 科级, 副县级; null when not recorded.</param>
/// <param name="Functions">Main functions (主要职能) as the report states them; null when not recorded.</param>
/// <param name="Staffing">Authorized posts (编制) and actual headcount (实有人数); each null when not recorded.</param>
/// <param name="Divisions">Internal divisions (内设科室), in the report's order.</param>
/// <param name="Version"><inheritdoc cref="PerfEval.Application.Budgets.BudgetLineResponse.Version"/></param>
/// <param name="UpdatedAt"><inheritdoc cref="PerfEval.Application.Budgets.BudgetLineResponse.UpdatedAt"/></param>
public sealed record DepartmentResponse(
    string Code,
    string Name,
    string Region,
    string? ParentCode,
    string? UnitType,
    string? Level,
    string? Functions,
    Staffing Staffing,
    IReadOnlyList<string> Divisions,
    int Version,
    DateTimeOffset UpdatedAt) : IDepartmentOwned, IVersioned
{
    string IDepartmentOwned.DepartmentCode => Code;
}

/// <summary>The department table's columns as Dapper reads them.</summary>
internal sealed record DepartmentRow
{
    public const string Columns = """
        code AS Code, name AS Name, region AS Region, parent_code AS ParentCode, unit_type AS UnitType,
        level AS Level, functions AS Functions, administrative_staff AS AdministrativeStaff,
        institutional_staff AS InstitutionalStaff, logistics_staff AS LogisticsStaff,
        actual_headcount AS ActualHeadcount, divisions AS Divisions, row_version AS Version, updated_at AS UpdatedAt
        """;

    public required string Code { get; init; }
    public required string Name { get; init; }
    public required string Region { get; init; }
    public string? ParentCode { get; init; }
    public string? UnitType { get; init; }
    public string? Level { get; init; }
    public string? Functions { get; init; }
    public int? AdministrativeStaff { get; init; }
    public int? InstitutionalStaff { get; init; }
    public int? LogisticsStaff { get; init; }
    public int? ActualHeadcount { get; init; }
    public required string Divisions { get; init; }
    public int Version { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    public DepartmentResponse ToResponse() => new(
        Code, Name, Region, ParentCode, UnitType, Level, Functions,
        new Staffing(AdministrativeStaff, InstitutionalStaff, LogisticsStaff, ActualHeadcount),
        JsonSerializer.Deserialize<string[]>(Divisions) ?? [],
        Version,
        UpdatedAt);
}
