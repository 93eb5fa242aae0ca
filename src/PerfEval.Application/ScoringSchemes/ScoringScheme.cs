using FluentValidation;
using PerfEval.Application.Common;
using PerfEval.Application.FiscalYears;
using PerfEval.Application.Scoring;

namespace PerfEval.Application.ScoringSchemes;

/// <summary>
/// A scoring scheme (评分方案): every setting of the rules, versioned. A fiscal year points to one;
/// a scheme in use by a closed year never changes (a new version is created instead).
/// <see cref="SchemeVersion"/> numbers the scheme's versions within its code; <see cref="Version"/>
/// is the stored row's version (the ETag), as on every other resource.
/// </summary>
public sealed record ScoringSchemeResponse(
    long Id,
    string Code,
    int SchemeVersion,
    string Name,
    string? Description,
    ScoringSchemeSettings Settings,
    IReadOnlyList<int> UsedByYears,
    bool Locked,
    int Version,
    DateTimeOffset UpdatedAt) : IVersioned;

internal sealed record ScoringSchemeRow
{
    public const string Columns = """
        id AS Id, code AS Code, version AS SchemeVersion, name AS Name, description AS Description, settings AS Settings,
        row_version AS Version, updated_at AS UpdatedAt
        """;

    public const string UsedBySql = "SELECT year AS Year, status AS Status FROM fiscal_years WHERE scoring_scheme_id = @Id ORDER BY year";

    public long Id { get; init; }
    public required string Code { get; init; }
    public int SchemeVersion { get; init; }
    public required string Name { get; init; }
    public string? Description { get; init; }
    public required string Settings { get; init; }
    public int Version { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    public ScoringSchemeResponse ToResponse(IReadOnlyList<(int Year, string Status)> usedBy) => new(
        Id, Code, SchemeVersion, Name, Description, SchemeSettingsJson.Parse(Settings),
        [.. usedBy.Select(u => u.Year)],
        usedBy.Any(u => u.Status == nameof(FiscalYearStatus.Closed)),
        Version,
        UpdatedAt);
}

internal static class SchemeRules
{
    public static void AddSchemeRules<T>(this AbstractValidator<T> v, Func<T, string> name, Func<T, string?> description, Func<T, ScoringSchemeSettings> settings)
    {
        v.RuleFor(x => name(x)).NotEmpty().MaximumLength(200).OverridePropertyName("name");
        v.RuleFor(x => description(x)).MaximumLength(2000).OverridePropertyName("description");
        v.RuleFor(x => settings(x)).NotNull().OverridePropertyName("settings");
        v.RuleFor(x => settings(x)).Custom((s, context) =>
        {
            foreach (var problem in s?.Validate() ?? [])
            {
                context.AddFailure("settings." + char.ToLowerInvariant(problem.Setting[0]) + problem.Setting[1..], problem.Message);
            }
        });
    }
}
