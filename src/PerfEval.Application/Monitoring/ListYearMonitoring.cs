using System.Globalization;
using FluentValidation;
using MediatR;
using PerfEval.Application.Common;
using PerfEval.Application.FiscalYears;
using PerfEval.Application.Scoring;

namespace PerfEval.Application.Monitoring;

/// <summary>How many departments show each combined light (never blue: it counts as green); <see cref="None"/>: no light known yet.</summary>
public sealed record LightCounts(int Red, int Yellow, int Green, int None);

/// <summary>The counts by combined light of one region.</summary>
public sealed record RegionLightCounts(string Region, LightCounts Counts);

/// <summary>One department's latest monitoring round in the year view.</summary>
/// <param name="DepartmentCode">部门编码.</param>
/// <param name="DepartmentName">部门名称.</param>
/// <param name="Region">所属区域.</param>
/// <param name="RoundId">The latest round.</param>
/// <param name="AsOf">Its as-of date.</param>
/// <param name="BudgetLight">预算灯 (none when executed to date is not stated).</param>
/// <param name="GoalLight">目标灯.</param>
/// <param name="CombinedLight">综合灯.</param>
/// <param name="RedIndicators">Indicators with a red light.</param>
/// <param name="YellowIndicators">Indicators with a yellow light.</param>
/// <param name="GreenIndicators">Indicators with a green light.</param>
/// <param name="BlueIndicators">Indicators with a blue light.</param>
/// <param name="FindingCount">Findings of the round.</param>
/// <param name="Version">The version of these lights as kept.</param>
public sealed record MonitoringRow(
    string DepartmentCode,
    string DepartmentName,
    string Region,
    long RoundId,
    DateOnly AsOf,
    MonitoringLight? BudgetLight,
    MonitoringLight? GoalLight,
    MonitoringLight? CombinedLight,
    int RedIndicators,
    int YellowIndicators,
    int GreenIndicators,
    int BlueIndicators,
    int FindingCount,
    int Version);

/// <summary>The year's monitoring: counts by combined light overall and by region, and the departments, red first.</summary>
/// <param name="Counts">Departments by combined light (within the region filter, before the light filter).</param>
/// <param name="ByRegion">The same counts per region.</param>
/// <param name="Items">This page of departments: red, then yellow, green, no light; by department code within a light.</param>
/// <param name="NextCursor">Where the next page starts; null on the last page.</param>
public sealed record MonitoringYearPage(LightCounts Counts, IReadOnlyList<RegionLightCounts> ByRegion, IReadOnlyList<MonitoringRow> Items, string? NextCursor);

/// <summary>
/// Every department's latest monitoring round of a year, as the read model keeps it, in the client's
/// view (its regions and departments), filtered by combined light and region, red first and
/// keyset-paged in SQL like the ranking.
/// </summary>
public sealed record ListYearMonitoring(
    int Year,
    MonitoringLight? Light = null,
    string? Region = null,
    int Limit = Paging.DefaultLimit,
    string? Cursor = null) : IQuery<MonitoringYearPage>
{
    internal sealed class Validator : AbstractValidator<ListYearMonitoring>
    {
        public Validator()
        {
            RuleFor(x => x.Limit).ValidLimit();
            RuleFor(x => x.Light).IsInEnum();
            RuleFor(x => x.Region).MaximumLength(100);
        }
    }

    internal sealed class Handler(DbSession db, IRequestContext context) : IRequestHandler<ListYearMonitoring, MonitoringYearPage>
    {
        internal const string Scope = """
            FROM monitoring_cards c JOIN departments d ON d.code = c.department_code
            WHERE c.fiscal_year = @Year AND c.is_latest = 1
              AND (@Unrestricted = 1 OR d.region IN @Regions OR d.code IN @Departments)
              AND (@Region IS NULL OR d.region = @Region)
            """;

        internal const string Columns = """
            c.department_code AS DepartmentCode, d.name AS DepartmentName, d.region AS Region, c.round_id AS RoundId, c.as_of AS AsOf,
            c.budget_light AS BudgetLight, c.goal_light AS GoalLight, c.combined_light AS CombinedLight, c.red_count AS RedIndicators,
            c.yellow_count AS YellowIndicators, c.green_count AS GreenIndicators, c.blue_count AS BlueIndicators,
            c.finding_count AS FindingCount, c.version AS Version, c.combined_rank AS CombinedRank
            """;

        private const string CountsSql = $"""
            SELECT d.region AS Region, c.combined_rank AS CombinedRank, c.combined_light AS CombinedLight, COUNT(*) AS Count
            {Scope}
            GROUP BY d.region, c.combined_rank, c.combined_light
            """;

        internal const string PageSql = $"""
            SELECT {Columns}
            {Scope}
              AND (@Light IS NULL OR c.combined_light = @Light)
              AND (@AfterCode IS NULL OR c.combined_rank > @AfterRank OR (c.combined_rank = @AfterRank AND c.department_code > @AfterCode))
            ORDER BY c.combined_rank, c.department_code
            LIMIT @Take
            """;

        public async Task<MonitoringYearPage> Handle(ListYearMonitoring request, CancellationToken ct)
        {
            _ = await db.StatusOfYearAsync(request.Year, ct) ?? throw new NotFoundException("Fiscal year", request.Year);
            var (afterRank, afterCode) = ParseCursor(request.Cursor);
            var filter = new
            {
                request.Year,
                Unrestricted = context.IsRestricted() ? 0 : 1,
                context.Regions,
                context.Departments,
                request.Region,
                Light = request.Light?.ToString(),
                AfterRank = afterRank,
                AfterCode = afterCode,
                Take = request.Limit + 1,
            };

            var counts = (await db.QueryAsync<CountRow>(CountsSql, filter, ct)).ToList();
            var rows = (await db.QueryAsync<PageRow>(PageSql, filter, ct)).ToList();
            var page = rows.Take(request.Limit).ToList();
            var next = rows.Count > request.Limit
                ? Paging.Encode(string.Create(CultureInfo.InvariantCulture, $"{page[^1].CombinedRank}\u0001{page[^1].DepartmentCode}"))
                : null;
            return new MonitoringYearPage(
                CountsOf(counts),
                [.. counts.GroupBy(c => c.Region).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new RegionLightCounts(g.Key, CountsOf(g)))],
                [.. page.Select(r => r.ToRow())],
                next);
        }

        private static LightCounts CountsOf(IEnumerable<CountRow> rows)
        {
            var list = rows.ToList();
            int Of(string? light) => list.Where(r => r.CombinedLight == light).Sum(r => r.Count);
            return new LightCounts(Of("Red"), Of("Yellow"), Of("Green"), Of(null));
        }

        private static (int? Rank, string? Code) ParseCursor(string? cursor)
        {
            if (Paging.Decode(cursor) is not { } key)
            {
                return (null, null);
            }

            var parts = key.Split('\u0001');
            return parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var rank) && parts[1].Length > 0
                ? (rank, parts[1])
                : throw Paging.InvalidCursor();
        }

        private sealed record CountRow
        {
            public required string Region { get; init; }
            public int CombinedRank { get; init; }
            public string? CombinedLight { get; init; }
            public int Count { get; init; }
        }

        internal sealed record PageRow
        {
            public required string DepartmentCode { get; init; }
            public required string DepartmentName { get; init; }
            public required string Region { get; init; }
            public long RoundId { get; init; }
            public DateOnly AsOf { get; init; }
            public MonitoringLight? BudgetLight { get; init; }
            public MonitoringLight? GoalLight { get; init; }
            public MonitoringLight? CombinedLight { get; init; }
            public int RedIndicators { get; init; }
            public int YellowIndicators { get; init; }
            public int GreenIndicators { get; init; }
            public int BlueIndicators { get; init; }
            public int FindingCount { get; init; }
            public int Version { get; init; }
            public int CombinedRank { get; init; }

            public MonitoringRow ToRow() => new(
                DepartmentCode, DepartmentName, Region, RoundId, AsOf, BudgetLight, GoalLight, CombinedLight,
                RedIndicators, YellowIndicators, GreenIndicators, BlueIndicators, FindingCount, Version);
        }
    }
}
