using System.Text.Json;

using PerfEval.Application.Common;

namespace PerfEval.Application.Departments;

/// <summary>编制 and 实有人数: authorized posts by kind, and the actual headcount.</summary>
public sealed record Staffing(int? Administrative = null, int? Institutional = null, int? Logistics = null, int? Actual = null);

/// <summary>A budget unit (部门单位).</summary>
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
